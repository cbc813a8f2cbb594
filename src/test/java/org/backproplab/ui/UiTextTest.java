package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No UI text is hard-coded outside the bundles: the main window is opened headless in each language, every tab of
 * {@code #mainTabs} is shown in turn (so a tab added later is walked too), and every text on screen is checked.
 *
 * <p>The rule. A text is allowed when it is
 * <ul>
 * <li>a value of the active bundle, or what {@link java.text.MessageFormat} makes of one (each {@code {n}} may be
 * anything);</li>
 * <li>free of letters: numbers, percentages, dashes, arrows, symbols ("42%", "−", "1.5e-3");</li>
 * <li>on a node that carries the style class {@link Styles#DATA} ("data"), or inside one: user content and what
 * the app computes — lesson names and text, node names, formulas with their numbers, file names, optimizer ids.
 * A control's own tooltip is its help and is still checked, unless the Tooltip itself carries "data".</li>
 * </ul>
 * The texts checked: a Labeled's text, a Tooltip's text, a text field's prompt, a Tab's text and tooltip, a
 * MenuItem's text (menu bar and context menus). Text drawn on a canvas cannot be walked and is not checked.
 */
class UiTextTest extends MainWindowFixture {

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** A word in a format's fixed part: two letters, or one Chinese character ("H{0}" has none, "层 {0}" has one). */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2}|\\p{IsHan}");


    @Start
    void start(Stage stage) {
        open(stage, Language.ENGLISH);
    }

    @Test
    void everyTextOfEveryTabComesFromTheEnglishBundle(FxRobot robot) {
        assertNoHardCodedText(robot);
    }

    @Test
    void everyTextOfEveryTabComesFromTheChineseBundle(FxRobot robot) {
        robot.interact(() -> window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        assertNoHardCodedText(robot);
        robot.interact(() -> window.switchLanguage(Language.ENGLISH));
    }

    /** The rule itself, without a window. */
    @Test
    void theRuleAcceptsBundleValuesAndFormatsOfThemOnly() {
        TextRule rule = new TextRule(Resources.messages(java.util.Locale.ENGLISH));
        assertTrue(rule.allows("Ready"));
        assertTrue(rule.allows("Matrix kernel: Vector API"));
        assertTrue(rule.allows("42%"));
        assertTrue(rule.allows(" "));
        assertTrue(!rule.allows("Hello world"));
        assertTrue(!rule.allows("Ready!"));
    }

    private void assertNoHardCodedText(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertTrue(tabs.getTabs().size() >= 3, "the main window has " + tabs.getTabs().size() + " tabs");
        // Some texts appear only once something has happened: steps taken, an op and then a leaf inspected.
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                window.stepper().step();
            }
            window.stepper().select(2);
        });
        TextRule rule = new TextRule(window.messages());
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> new Walker(rule, problems, checked).walk(stage.getScene().getRoot(), false));
        }
        robot.interact(() -> {
            tabs.getSelectionModel().select(0);
            window.stepper().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> new Walker(rule, problems, checked).walk(stage.getScene().getRoot(), false));
        List<String> distinct = problems.stream().distinct().toList();
        assertEquals(List.of(), distinct, "texts not from the " + window.language() + " bundle (move them into "
                + "messages*.properties, or mark user content and computed values with the style class \"data\")");
        assertTrue(checked[0] > 50, "only " + checked[0] + " texts checked: did the walk reach the tabs?");
    }

    /** Whether a text on screen may be there: see the class comment. */
    static final class TextRule {

        private final Set<String> values = new java.util.HashSet<>();
        private final List<Pattern> formats = new ArrayList<>();
        /** The formats whose fixed part has a word. */
        private final Set<Pattern> worded = Collections.newSetFromMap(new IdentityHashMap<>());

        TextRule(ResourceBundle bundle) {
            for (String key : Collections.list(bundle.getKeys())) {
                String value = bundle.getString(key);
                values.add(value);
                if (value.contains("{")) {
                    Pattern format = pattern(value);
                    formats.add(format);
                    if (WORD.matcher(value.replaceAll("\\{[^}]*}", "")).find()) {
                        worded.add(format);
                    }
                }
            }
        }

        /** A MessageFormat pattern as a regex: the literal parts quoted ('' is '), each {…} anything. */
        private static Pattern pattern(String format) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            int depth = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (depth > 0) {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                } else if (c == '{') {
                    regex.append(Pattern.quote(literal.toString())).append("(.*)");
                    literal.setLength(0);
                    depth = 1;
                } else if (c == '\'' && i + 1 < format.length() && format.charAt(i + 1) == '\'') {
                    literal.append('\'');
                    i++;
                } else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        boolean allows(String text) {
            return allows(text, 0);
        }

        /**
         * A format whose fixed part has a word ("Matrix kernel: {0}") may be filled with anything; one made of
         * placeholders and symbols ("{0} {1} / {2}", "H{0}") would match almost any text, so what fills it must be
         * allowed in turn.
         */
        private boolean allows(String text, int depth) {
            if (text == null || !LETTER.matcher(text).find() || values.contains(text)) {
                return true;
            }
            for (Pattern format : formats) {
                var m = format.matcher(text);
                if (!m.matches()) {
                    continue;
                }
                if (worded.contains(format)) {
                    return true;
                }
                boolean filled = depth < 2;
                for (int g = 1; filled && g <= m.groupCount(); g++) {
                    filled = allows(m.group(g), depth + 1);
                }
                if (filled) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Walks a scene graph: children, tab contents, scroll pane contents, menus, tooltips. */
    private static final class Walker {

        private final TextRule rule;
        private final List<String> problems;
        private final int[] checked;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walker(TextRule rule, List<String> problems, int[] checked) {
            this.rule = rule;
            this.problems = problems;
            this.checked = checked;
        }

        void walk(Node node, boolean exempt) {
            if (node == null || !seen.add(node)) {
                return;
            }
            boolean data = exempt || node.getStyleClass().contains(Styles.DATA);
            if (node instanceof Labeled labeled) {
                check(labeled.getText(), node, "text", data);
                walk(labeled.getGraphic(), data);
            }
            if (node instanceof TextInputControl input) {
                check(input.getPromptText(), node, "prompt", data);
            }
            if (node instanceof Control control) {
                // A tooltip is the control's help, not its content: only data inherited from outside exempts it.
                tooltip(control.getTooltip(), node, exempt);
                if (control.getContextMenu() != null) {
                    control.getContextMenu().getItems().forEach(i -> item(i, node, data));
                }
            }
            if (node instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    check(tab.getText(), node, "tab " + tab.getId(), data);
                    tooltip(tab.getTooltip(), node, data);
                    walk(tab.getGraphic(), data);
                    walk(tab.getContent(), data);
                }
            }
            if (node instanceof MenuBar bar) {
                bar.getMenus().forEach(m -> item(m, node, data));
            }
            if (node instanceof ScrollPane scroll) {
                walk(scroll.getContent(), data);
            }
            if (node instanceof SplitPane split) {
                split.getItems().forEach(n -> walk(n, data));
            }
            if (node instanceof TitledPane titled) {
                walk(titled.getContent(), data);
            }
            if (node instanceof Parent parent) {
                parent.getChildrenUnmodifiable().forEach(n -> walk(n, data));
            }
        }

        private void item(MenuItem item, Node owner, boolean exempt) {
            if (!seen.add(item)) {
                return;
            }
            boolean data = exempt || item.getStyleClass().contains(Styles.DATA);
            check(item.getText(), owner, "menu item " + item.getId(), data);
            walk(item.getGraphic(), data);
            if (item instanceof Menu menu) {
                menu.getItems().forEach(i -> item(i, owner, data));
            }
        }

        private void tooltip(Tooltip tooltip, Node owner, boolean exempt) {
            if (tooltip != null && seen.add(tooltip)) {
                check(tooltip.getText(), owner, "tooltip", exempt || tooltip.getStyleClass().contains(Styles.DATA));
            }
        }

        private void check(String text, Node node, String what, boolean exempt) {
            if (exempt || text == null || text.isBlank()) {
                return;
            }
            checked[0]++;
            if (!rule.allows(text)) {
                problems.add(what + " of " + describe(node) + ": \"" + text + "\"");
            }
        }

        private static String describe(Node node) {
            StringBuilder path = new StringBuilder();
            for (Node n = node; n != null && path.length() < 200; n = n.getParent()) {
                String name = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
                path.insert(0, path.length() == 0 ? name : name + " > ");
                if (n.getId() != null && n != node) {
                    break;
                }
            }
            return path.toString();
        }
    }
}
