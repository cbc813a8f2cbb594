package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The stylesheet parses without a single error: a lost brace silently unstyles everything after it. */
class StylesheetTest {

    @Test
    void appCssParsesCleanly() throws Exception {
        URL css = StylesheetTest.class.getResource("/org/backproplab/ui/app.css");
        assertNotNull(css);
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertEquals(List.of(), errors);
        assertNotNull(sheet);
        long braces = new String(css.openStream().readAllBytes()).chars().filter(c -> c == '{').count();
        assertEquals(braces, sheet.getRules().size(), "one rule per block");
    }
}
