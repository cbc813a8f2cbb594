package org.backproplab.ui.course;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A page's Markdown as JavaFX nodes: commonmark-java parses it (paragraphs, headings, lists, emphasis, code, quotes,
 * rules), this turns the tree into text flows, and formulas — {@code $…$} inline, {@code $$…$$} as a paragraph of
 * their own — become {@link FormulaImages}. Formulas are taken out before the Markdown is parsed (so that a
 * {@code _} or {@code *} in them is not read as emphasis) and put back as placeholders the parser leaves alone.
 */
final class MarkdownNodes {

    static final String TEXT = "course-text";
    static final String HEADING = "course-heading";
    static final String CODE = "course-code";
    static final String QUOTE = "course-quote";
    static final String FORMULA_ERROR = "course-formula-error";

    private static final Pattern FORMULA = Pattern.compile("(?<!\\\\)\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$([^$\\n]+?)\\$",
            Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\uE000(\\d+)\uE001");
    private static final Parser PARSER = Parser.builder().build();

    private final double size;
    private final Color ink;
    private final List<String> formulas = new ArrayList<>();
    private final List<Boolean> display = new ArrayList<>();

    private MarkdownNodes(double size, Color ink) {
        this.size = size;
        this.ink = ink;
    }

    /** The Markdown as a column of nodes, its text at {@code size} pixels and its formulas in {@code ink}. */
    static VBox render(String markdown, double size, Color ink) {
        MarkdownNodes m = new MarkdownNodes(size, ink);
        VBox box = new VBox(size * 0.6);
        box.getStyleClass().add(TEXT);
        m.blocks(PARSER.parse(m.takeFormulasOut(markdown)), box.getChildren());
        return box;
    }

    /** The formulas of a text in order, as JLaTeXMath reads them (for tests and the course's check). */
    static List<String> formulas(String markdown) {
        MarkdownNodes m = new MarkdownNodes(13, Color.BLACK);
        m.takeFormulasOut(markdown);
        return List.copyOf(m.formulas);
    }

    private String takeFormulasOut(String markdown) {
        Matcher matcher = FORMULA.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean block = matcher.group(1) != null;
            formulas.add((block ? matcher.group(1) : matcher.group(2)).strip());
            display.add(block);
            String mark = "\uE000" + (formulas.size() - 1) + "\uE001";
            matcher.appendReplacement(out, Matcher.quoteReplacement(block ? "\n\n" + mark + "\n\n" : mark));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private void blocks(org.commonmark.node.Node parent, List<Node> into) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node node = block(n);
            if (node != null) {
                into.add(node);
            }
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Paragraph p) {
            Node formula = aloneFormula(p);
            return formula != null ? formula : flow(p);
        }
        if (n instanceof Heading h) {
            TextFlow flow = flow(h);
            flow.getStyleClass().add(HEADING);
            return flow;
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(size * 0.3);
            int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (var item = n.getFirstChild(); item != null; item = item.getNext()) {
                Label marker = new Label(n instanceof OrderedList ? number++ + "." : "•");
                marker.setMinWidth(size * 1.6);
                VBox content = new VBox(size * 0.3);
                blocks(item, content.getChildren());
                HBox row = new HBox(marker, content);
                HBox.setHgrow(content, Priority.ALWAYS);
                list.getChildren().add(row);
            }
            return list;
        }
        if (n instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof BlockQuote q) {
            VBox quote = new VBox(size * 0.4);
            quote.getStyleClass().add(QUOTE);
            blocks(q, quote.getChildren());
            return quote;
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        if (n instanceof ListItem) {
            VBox item = new VBox();
            blocks(n, item.getChildren());
            return item;
        }
        return null; // HTML blocks and the like: a course is text, not a web page
    }

    private Label code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add(CODE);
        code.setWrapText(true);
        return code;
    }

    /** A paragraph that is one display formula: centred, on its own. */
    private Node aloneFormula(Paragraph p) {
        if (p.getFirstChild() instanceof org.commonmark.node.Text t && t.getNext() == null) {
            Matcher m = PLACEHOLDER.matcher(t.getLiteral().strip());
            if (m.matches() && display.get(Integer.parseInt(m.group(1)))) {
                HBox box = new HBox(formula(Integer.parseInt(m.group(1))));
                box.setAlignment(Pos.CENTER);
                return box;
            }
        }
        return null;
    }

    private TextFlow flow(org.commonmark.node.Node block) {
        TextFlow flow = new TextFlow();
        inline(block, flow.getChildren(), "");
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, List<Node> into, String style) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                text(t.getLiteral(), into, style);
            } else if (n instanceof Emphasis) {
                inline(n, into, style + "-fx-font-style: italic;");
            } else if (n instanceof StrongEmphasis) {
                inline(n, into, style + "-fx-font-weight: bold;");
            } else if (n instanceof Code c) {
                Text t = new Text(c.getLiteral());
                t.getStyleClass().addAll(TEXT, CODE);
                into.add(t);
            } else if (n instanceof SoftLineBreak) {
                into.add(styled(" ", style));
            } else if (n instanceof HardLineBreak) {
                into.add(styled("\n", style));
            } else if (n instanceof Link link) {
                int from = into.size();
                inline(n, into, style + "-fx-underline: true;");
                for (Node t : into.subList(from, into.size())) {
                    Tooltip.install(t, new Tooltip(link.getDestination()));
                }
            } else {
                inline(n, into, style);
            }
        }
    }

    /** Plain text, with the formula placeholders in it drawn. */
    private void text(String literal, List<Node> into, String style) {
        Matcher m = PLACEHOLDER.matcher(literal);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                into.add(styled(literal.substring(at, m.start()), style));
            }
            into.add(formula(Integer.parseInt(m.group(1))));
            at = m.end();
        }
        if (at < literal.length()) {
            into.add(styled(literal.substring(at), style));
        }
    }

    private Node formula(int index) {
        FormulaImages.Result r = FormulaImages.render(formulas.get(index), display.get(index), size, ink);
        if (r.view() != null) {
            // in a text flow an image stands on the baseline; the formula's own baseline is its depth above the bottom
            r.view().setTranslateY(display.get(index) ? 0 : r.depth());
            return r.view();
        }
        Text source = new Text("$" + formulas.get(index) + "$");
        source.getStyleClass().addAll(TEXT, FORMULA_ERROR);
        Tooltip.install(source, new Tooltip(r.error()));
        return source;
    }

    private static Text styled(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(TEXT);
        if (!style.isEmpty()) {
            t.setStyle(style);
        }
        return t;
    }
}
