package org.backproplab.drawing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

import org.backproplab.stepper.Frame;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Texts;
import org.backproplab.engine.Snapshot;

/**
 * A stepper graph as an SVG drawing for slides and papers, in the layout's coordinates: a card per node (its name,
 * its op or "param"/"const", its value and its gradient as the step-through view shows them, a param amber, a
 * constant dashed, the output framed dark) and an arrow per edge, as thick as the gradient that flowed back along
 * it. Pure text, no JavaFX: what a card shows is drawn from the same {@link CardSize} and {@link CardColours} the
 * view uses, in the light theme (a slide's background is white). Each card is a {@code <g class="node …">} and
 * each edge a {@code <g class="edge …">}, so a script can restyle them; a card's {@code <title>} is its formula.
 */
public final class GraphSvg {

    /** The words on the cards, in the user's language. {@code matrix} is a pattern whose {0} is the shape. */
    public record Labels(String value, String matrix, String param, String constant) {
    }

    private static final String SANS = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif";
    private static final String MONO = "'DejaVu Sans Mono', Consolas, monospace";
    private static final String DASH = "—";
    private static final int TEXT = 0x1c2530;
    private static final int MUTED = 0x566272;
    private static final int PENDING = 0xa3acb9;
    private static final int EDGE = 0x9aa5b4;
    private static final int EDGE_FLOW = 0x6b7fa3;
    private static final int ACTIVE = 0xf0a500;
    /** A heat map is drawn with at most this many cells a side (the view draws up to 64; an SVG stays small). */
    private static final int HEAT_CELLS = 20;

    private final StringBuilder out = new StringBuilder();
    private final StepGraph graph;
    private final Frame frame;
    private final Labels labels;

    private GraphSvg(StepGraph graph, Frame frame, Labels labels) {
        this.graph = graph;
        this.frame = frame;
        this.labels = labels;
    }

    /**
     * The drawing of a graph laid out by {@link GraphLayout}; {@code frame} gives the numbers (null: none computed
     * yet, every number a dash) and {@code title} names the drawing (the lesson).
     */
    public static String svg(StepGraph graph, GraphLayout.Result layout, Frame frame, Labels labels, String title) {
        return new GraphSvg(graph, frame, labels).draw(layout, title);
    }

    private String draw(GraphLayout.Result layout, String title) {
        String w = num(layout.width());
        String h = num(layout.height());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"").append(escape(SANS)).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" stroke=\"none\"/>\n");
        // Edges first, so that the cards lie on top of where they meet them, as in the view.
        for (StepGraph.Edge e : graph.edges()) {
            edge(e, layout.routes().get(e.index()));
        }
        for (StepGraph.Node n : graph.nodes()) {
            GraphLayout.Point p = layout.positions().get(n.index());
            card(n, p.x(), p.y());
        }
        return out.append("</svg>\n").toString();
    }

    private void edge(StepGraph.Edge e, List<GraphLayout.Point> route) {
        double flow = frame == null ? Double.NaN : frame.edgeFlow(e.index());
        boolean active = frame != null && frame.activeEdges().contains(e.index());
        int colour = active ? ACTIVE : Double.isNaN(flow) ? EDGE : EDGE_FLOW;
        out.append("<g class=\"edge").append(Double.isNaN(flow) ? "" : " flow").append(active ? " active" : "")
                .append("\" id=\"edge-").append(e.index()).append("\">");
        out.append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke=\"").append(CardColours.hex(colour))
                .append("\" stroke-width=\"").append(num(CardColours.edgeWidth(flow))).append("\" points=\"");
        for (int i = 0; i < route.size(); i++) {
            out.append(i == 0 ? "" : " ").append(num(route.get(i).x())).append(',').append(num(route.get(i).y()));
        }
        GraphLayout.Point end = route.get(route.size() - 1);
        out.append("\"/><polygon stroke=\"none\" fill=\"").append(CardColours.hex(colour)).append("\" points=\"")
                .append(num(end.x())).append(',').append(num(end.y())).append(' ')
                .append(num(end.x() - 9)).append(',').append(num(end.y() - 5)).append(' ')
                .append(num(end.x() - 9)).append(',').append(num(end.y() + 5)).append("\"/></g>\n");
    }

    private void card(StepGraph.Node n, double x, double y) {
        GraphLayout.Size size = CardSize.of(n);
        double w = size.width();
        boolean active = frame != null && frame.activeNode() == n.index();
        boolean changed = frame != null && frame.changed().contains(n.index());
        String role = switch (n.role()) {
            case PARAM -> "param";
            case CONSTANT -> "constant";
            case OPERATION -> "op";
        };
        out.append("<g class=\"node ").append(role).append(n.output() ? " output" : "")
                .append(active ? " active" : "").append(changed ? " changed" : "")
                .append("\" id=\"node-").append(n.index()).append("\">\n<title>").append(escape(n.formula()))
                .append("</title>\n");
        String fill = changed ? "#ffeaa0" : n.role() == StepGraph.Role.PARAM ? "#fdf3e1"
                : n.role() == StepGraph.Role.CONSTANT ? "#eef1f5" : "#ffffff";
        String stroke = active || changed ? "#f0a500" : n.output() ? "#1c2530"
                : n.role() == StepGraph.Role.PARAM ? "#b7791f" : "#d6dce4";
        double strokeWidth = active || changed ? 3.5 : n.output() || n.role() == StepGraph.Role.PARAM ? 2.5 : 1.5;
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(size.height())).append("\" rx=\"8\" fill=\"").append(fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(strokeWidth))
                .append(n.role() == StepGraph.Role.CONSTANT && !active && !changed ? "\" stroke-dasharray=\"5,4" : "")
                .append("\"/>\n");
        text(x + 10, y + 28, n.name(), 19, TEXT, "bold", "start", SANS);
        // An unnamed op node is already called by its op (mul₁): the chip would only repeat it, as on the card.
        if (n.isLeaf() || !n.name().startsWith(n.op())) {
            chip(n, x + w - 10, y + 10);
        }
        Snapshot value = frame == null ? null : frame.value(n.index());
        Snapshot gradient = frame == null ? null : frame.gradient(n.index());
        String gradKey = Texts.partial(graph.node(graph.output()).name(), n.name());
        if (n.isScalar()) {
            scalarRow(x, y + 38, w, labels.value(), value, -1);
            int tint = gradient == null ? -1 : CardColours.gradientTint(gradient.item());
            scalarRow(x, y + 69, w, gradKey, gradient, tint);
        } else if (CardSize.showsNumbers(n.rows(), n.cols())) {
            double top = y + CardSize.HEADER;
            text(x + 10, top + 13, caption(n), 14, MUTED, "normal", "start", SANS);
            grid(x + 10, top + CardSize.GRID_LABEL, n, value, false);
            double below = top + CardSize.GRID_LABEL + n.rows() * CardSize.CELL_HEIGHT;
            text(x + 10, below + 13, gradKey, 14, MUTED, "normal", "start", SANS);
            grid(x + 10, below + CardSize.GRID_LABEL, n, gradient, true);
        } else if (CardSize.pictures(n.rows(), n.cols()) > 0) {
            // As the window draws it: a 28×28 picture per image row (or per unit's column), value over gradient.
            double top = y + CardSize.HEADER;
            text(x + 10, top + 13, caption(n), 14, MUTED, "normal", "start", SANS);
            pictures(x + 10, top + CardSize.GRID_LABEL, n, value);
            double below = top + CardSize.GRID_LABEL + CardSize.PICTURE + CardSize.PADDING;
            text(x + 10, below + 13, gradKey, 14, MUTED, "normal", "start", SANS);
            pictures(x + 10, below + CardSize.GRID_LABEL, n, gradient);
        } else {
            double top = y + CardSize.HEADER;
            double right = x + 10 + CardSize.HEAT_MAP + CardSize.PADDING;
            text(x + 10, top + 13, caption(n), 14, MUTED, "normal", "start", SANS);
            text(right, top + 13, gradKey, 14, MUTED, "normal", "start", SANS);
            heatMap(x + 10, top + CardSize.GRID_LABEL, value, false);
            heatMap(right, top + CardSize.GRID_LABEL, gradient, true);
        }
        out.append("</g>\n");
    }

    private String caption(StepGraph.Node n) {
        return MessageFormat.format(labels.matrix(), Texts.shape(n.rows(), n.cols()));
    }

    /** The op's chip at the card's top right: "param" amber and bold on white, else grey on grey. */
    private void chip(StepGraph.Node n, double right, double top) {
        String label = switch (n.role()) {
            case PARAM -> labels.param();
            case CONSTANT -> labels.constant();
            case OPERATION -> n.op();
        };
        boolean param = n.role() == StepGraph.Role.PARAM;
        // No text is measured here: an average glyph of a 13 px sans font is about 7.5 px wide.
        double width = 7.5 * label.codePointCount(0, label.length()) + 12;
        out.append("<rect x=\"").append(num(right - width)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(width)).append("\" height=\"20\" rx=\"4\" fill=\"").append(param ? "#ffffff" : "#eef1f5")
                .append("\" stroke=\"none\"/>\n");
        text(right - 6, top + 15, label, 13, param ? 0xb7791f : MUTED, param ? "bold" : "normal", "end", SANS);
    }

    /** A row of a scalar card: its key on the left, its number on the right, on the gradient's tint if any. */
    private void scalarRow(double x, double top, double w, String key, Snapshot s, int tint) {
        if (tint >= 0) {
            out.append("<rect x=\"").append(num(x + 10)).append("\" y=\"").append(num(top)).append("\" width=\"")
                    .append(num(w - 20)).append("\" height=\"27\" rx=\"4\" fill=\"").append(CardColours.hex(tint))
                    .append("\" stroke=\"none\"/>\n");
        }
        text(x + 14, top + 19, key, 14, tint >= 0 ? 0x3c4654 : MUTED, "normal", "start", SANS);
        text(x + w - 14, top + 20, s == null ? DASH : Texts.number(s.item()), 18, s == null ? PENDING : TEXT,
                s == null ? "normal" : "bold", "end", MONO);
    }

    /** A matrix of at most 4×4 as a grid of numbers on their heat (value) or tint (gradient). */
    private void grid(double x, double y, StepGraph.Node n, Snapshot s, boolean gradient) {
        double max = s == null ? 0 : Texts.maxAbs(s);
        for (int r = 0; r < n.rows(); r++) {
            for (int c = 0; c < n.cols(); c++) {
                double cx = x + c * CardSize.CELL_WIDTH;
                double cy = y + r * CardSize.CELL_HEIGHT;
                double cw = CardSize.CELL_WIDTH - 2;
                if (s == null) {
                    text(cx + cw - 4, cy + 15, DASH, 13, 0x8a94a3, "normal", "end", MONO);
                    continue;
                }
                double v = s.get(r, c);
                int bg = gradient ? CardColours.gradientTint(v) : CardColours.heat(v, max);
                out.append("<rect x=\"").append(num(cx)).append("\" y=\"").append(num(cy)).append("\" width=\"")
                        .append(num(cw)).append("\" height=\"").append(num(CardSize.CELL_HEIGHT - 2))
                        .append("\" rx=\"3\" fill=\"").append(CardColours.hex(bg)).append("\" stroke=\"none\"/>\n");
                text(cx + cw - 4, cy + 15, Texts.number(v), 13, CardColours.textOn(bg), "normal", "end", MONO);
            }
        }
    }

    /** A bigger matrix as a heat map of square cells, each cell one element or the element at its top left. */
    private void heatMap(double x, double y, Snapshot s, boolean gradient) {
        double side = CardSize.HEAT_MAP;
        if (s == null) {
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(side)).append("\" height=\"").append(num(side)).append("\" fill=\"#e6e9ee\" stroke=\"none\"/>\n");
            return;
        }
        int rows = Math.min(s.rows(), HEAT_CELLS);
        int cols = Math.min(s.cols(), HEAT_CELLS);
        double cell = Math.min(side / cols, side / rows);
        double max = Texts.maxAbs(s);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = s.get(r * s.rows() / rows, c * s.cols() / cols);
                int colour = gradient ? CardColours.gradientTint(v) : CardColours.heat(v, max);
                out.append("<rect x=\"").append(num(x + c * cell)).append("\" y=\"").append(num(y + r * cell))
                        .append("\" width=\"").append(num(cell)).append("\" height=\"").append(num(cell))
                        .append("\" fill=\"").append(CardColours.hex(colour)).append("\" stroke=\"none\"/>\n");
            }
        }
    }

    /** A picture card's row of 28×28 pictures, each an embedded PNG drawn pixelated (784 rectangles each otherwise). */
    private void pictures(double x, double y, StepGraph.Node n, Snapshot s) {
        int count = CardSize.pictures(n.rows(), n.cols());
        double width = count * (CardSize.PICTURE + CardSize.PICTURE_GAP);
        if (s == null) {
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(width)).append("\" height=\"").append(num(CardSize.PICTURE))
                    .append("\" fill=\"#e6e9ee\" stroke=\"none\"/>\n");
            return;
        }
        for (int k = 0; k < count; k++) {
            out.append("<image x=\"").append(num(x + k * (CardSize.PICTURE + CardSize.PICTURE_GAP))).append("\" y=\"")
                    .append(num(y)).append("\" width=\"").append(num(CardSize.PICTURE)).append("\" height=\"")
                    .append(num(CardSize.PICTURE)).append("\" style=\"image-rendering:pixelated\" href=\"")
                    .append(Pictures.pngDataUri(s, k)).append("\"/>\n");
        }
    }

    private void text(double x, double y, String text, double size, int colour, String weight, String anchor,
                      String font) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append("\" stroke=\"none\" fill=\"").append(CardColours.hex(colour)).append('"');
        if (!weight.equals("normal")) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        if (!anchor.equals("start")) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!font.equals(SANS)) {
            out.append(" font-family=\"").append(escape(font)).append('"');
        }
        out.append('>').append(escape(text)).append("</text>\n");
    }

    /** A coordinate: at most two decimals, a '.' in any locale. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Text for XML content and attribute values. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 allows no control characters but tab, line feed and carriage return
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
