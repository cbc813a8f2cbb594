package org.backproplab.ui;

/** The CSS style classes the views set from code, in one place; the rules are in {@code app.css}. */
public final class Styles {

    // the gradient-flow lab
    public static final String LAYER_BARS = "layer-bars";
    public static final String FLOW_BAR = "flow-bar";
    /** A value that is not finite: an overflow. */
    public static final String BAD = "bad";
    public static final String FLOW_GUIDE = "flow-guide";
    public static final String FLOW_GUIDE_LABEL = "flow-guide-label";
    public static final String FLOW_GRID = "flow-grid";
    public static final String FLOW_AXIS_LABEL = "flow-axis-label";
    public static final String FLOW_EMPTY = "flow-empty";
    public static final String HEAT_MAP_VIEW = "heat-map-view";
    public static final String HEAT_MAP_FRAME = "heat-map-frame";
    public static final String HISTOGRAM_STACK = "histogram-stack";
    public static final String FLOW_HIST = "flow-hist";
    public static final String FLOW_HIST_SATURATED = "flow-hist-saturated";
    public static final String FLOW_HIST_BASE = "flow-hist-base";
    public static final String FLOW_HIST_NOTE = "flow-hist-note";
    /** A text field whose value is wrong. */
    public static final String INVALID = "invalid";
    /** A banner that informs rather than warns. */
    public static final String INFO = "info";
    /** A run's figures once it has overflowed. */
    public static final String OVERFLOW = "overflow";
    /** A button that can only say why it cannot act. */
    public static final String UNAVAILABLE = "unavailable";
    /**
     * User content or what the app computes (lesson names and text, node names, formulas with their numbers, file
     * names): a node with this class, and everything inside it, is exempt from the rule that every UI text comes
     * from a message bundle ({@code UiTextTest}). It has no CSS rule of its own.
     */
    public static final String DATA = "data";

    public static final String NODE_CARD = "node-card";
    public static final String PARAM = "param";
    public static final String CONSTANT = "constant";
    public static final String OPERATION = "operation";
    public static final String OUTPUT = "output";
    public static final String ACTIVE = "active";
    public static final String CHANGED = "changed";
    public static final String SELECTED = "selected";
    public static final String CARD_NAME = "card-name";
    public static final String CARD_OP = "card-op";
    public static final String CARD_ROW = "card-row";
    public static final String CARD_KEY = "card-key";
    public static final String CARD_NUMBER = "card-number";
    public static final String CARD_VALUE = "card-value";
    public static final String CARD_GRADIENT = "card-gradient";
    /** A card row on the gradient's tint, which is light in every theme. */
    public static final String ON_TINT = "on-tint";
    public static final String PENDING = "pending";
    public static final String GRID_CELL = "grid-cell";
    public static final String EDGE = "edge";
    public static final String EDGE_ACTIVE = "edge-active";
    public static final String EDGE_FLOW = "edge-flow";
    public static final String ARROW = "arrow";
    public static final String GRAPH_VIEW = "graph-view";
    public static final String FORMULA = "formula";
    public static final String FORMULA_MAIN = "formula-main";
    public static final String ERROR_UNDERLINE = "error-underline";
    public static final String INSPECTOR_KEY = "inspector-key";
    public static final String INSPECTOR_VALUE = "inspector-value";
    public static final String INSPECTOR_TITLE = "inspector-title";

    /** Program code shown as text (Show as code): monospace. */
    public static final String CODE = "code";

    // ---- the keyboard-shortcut sheet ----
    public static final String SHORTCUTS = "shortcuts";
    public static final String SHORTCUTS_SECTION = "shortcuts-section";
    public static final String SHORTCUTS_KEYS = "shortcuts-keys";
    public static final String GLOSSARY = "glossary";
    public static final String GLOSSARY_TERM = "glossary-term";
    public static final String GLOSSARY_DEFINITION = "glossary-definition";

    // ---- the Playground tab ----
    public static final String PLAYGROUND_DIAGRAM = "playground-diagram";
    // ---- the step-through view's quiz mode: the card asked about, after the answer ----
    public static final String QUIZ_RIGHT = "quiz-right";
    public static final String QUIZ_WRONG = "quiz-wrong";
    public static final String PLAYGROUND_NEURON = "playground-neuron";
    public static final String PLAYGROUND_FEATURE = "feature";
    public static final String PLAYGROUND_FEATURE_LABEL = "playground-feature-label";
    public static final String PLAYGROUND_LINK_HALO = "playground-link-halo";
    public static final String PLAYGROUND_COLUMN_HEADER = "playground-column-header";
    public static final String PLAYGROUND_COLUMN_TITLE = "playground-column-title";
    public static final String PLAYGROUND_COLUMN_COUNT = "playground-column-count";
    public static final String PLAYGROUND_SMALL_BUTTON = "playground-small-button";
    public static final String PLAYGROUND_BOUNDARY = "playground-boundary";
    public static final String PLAYGROUND_LOSS_PLOT = "playground-loss-plot";
    /** The step-through view's loss chart. */
    public static final String LOSS_CHART = "loss-chart";

    private Styles() {
    }
}
