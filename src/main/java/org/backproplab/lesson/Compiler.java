package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.backproplab.engine.Binary;
import org.backproplab.engine.MatMul;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.ShapeException;
import org.backproplab.engine.Tensor;
import org.backproplab.engine.Unary;

/**
 * Turns statements into engine nodes, statement by statement, the way the text reads: a name means its latest
 * binding at that line. Ops compute as they are built, so a shape error surfaces here, at the operator or
 * function that made it. Stops at the first error.
 */
final class Compiler {

    private final String file;
    private final String source;
    private final List<Statement> statements;
    private final Map<String, Tensor> bindings = new LinkedHashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<Tensor> nodes = new ArrayList<>();
    private final Map<Tensor, Lesson.Origin> origins = new IdentityHashMap<>();
    private final List<Tensor> parameters = new ArrayList<>();
    /** The param statement of each name declared with {@code param}. */
    private final Map<String, Statement> params = new HashMap<>();
    /** How many numbers the nodes built so far hold, for {@link LessonLimits#MAX_TOTAL_SIZE}. */
    private long total;
    private int statement;

    /** Leaves given by code instead of their literals (a lab evaluating one lesson over a whole grid). */
    private final Map<String, Tensor> given;
    /** The numbers beside the text, and the precision every leaf is made in. */
    private final LessonData data;

    private Compiler(String file, String source, List<Statement> statements, Map<String, Tensor> given,
            LessonData data) {
        this.file = file;
        this.source = source;
        this.statements = statements;
        this.given = given;
        this.data = data;
        for (Statement s : statements) {
            firstLine.putIfAbsent(s.name(), s.line());
        }
    }

    static Lesson compile(String source, String file) throws LessonException {
        return compile(source, file, Map.of());
    }

    static Lesson compile(String source, String file, Map<String, Tensor> given) throws LessonException {
        return compile(source, file, given, LessonData.NONE);
    }

    static Lesson compile(String source, String file, Map<String, Tensor> given, LessonData data)
            throws LessonException {
        long bytes = utf8Length(source);
        if (bytes > LessonLimits.MAX_SOURCE_BYTES) {
            // Before lexing: the tokens of a text take many times its size.
            throw new LessonException(new Diagnostic(file, 1, 1, "the lesson is " + LessonLimits.bytes(bytes)
                    + ", too large for a lesson (at most " + LessonLimits.MAX_SOURCE_TEXT + ")"));
        }
        List<Statement> statements = Parser.parse(source, file);
        if (statements.isEmpty()) {
            throw new LessonException(new Diagnostic(file, 1, 1,
                    "the lesson has no statements: write at least one line such as 'x = 1'"));
        }
        return new Compiler(file, source, statements, given, data).run();
    }

    private Lesson run() throws LessonException {
        Statement loss = null;
        Tensor output = null;
        for (statement = 0; statement < statements.size(); statement++) {
            Statement s = statements.get(statement);
            if (s instanceof Statement.Loss) {
                if (loss != null) {
                    throw fail(s.nameSpan(), "a lesson has one loss; the first is '" + loss.name() + "' on line "
                            + loss.line());
                }
                loss = s;
            }
            Tensor t = bind(s);
            if (loss == s || loss == null) {
                output = t;
            }
        }
        Statement last = statements.get(statements.size() - 1);
        String outputName = loss != null ? loss.name() : last.name();
        return new Lesson(file, source, statements, nodes, origins, parameters, bindings, output, outputName,
                loss != null, data);
    }

    private Tensor bind(Statement s) throws LessonException {
        Statement param = params.get(s.name());
        if (param != null) {
            throw fail(s.nameSpan(), rebound(param, s));
        }
        if (s instanceof Statement.Param) {
            params.put(s.name(), s);
        }
        Expr value = s.value();
        Tensor t = given.containsKey(s.name()) && Expr.isLiteral(value) ? track(given.get(s.name()), value)
                : Expr.isLiteral(value) ? leaf(value) : eval(value);
        if (s instanceof Statement.Param) {
            t.trainable();
            parameters.add(t);
        }
        if (!(value instanceof Expr.Name)) {
            t.named(s.name());
        }
        bindings.put(s.name(), t);
        return t;
    }

    private Tensor eval(Expr e) throws LessonException {
        if (Expr.isLiteral(e)) {
            Tensor t = leaf(e);
            return t.named(e instanceof Expr.MatrixLit ? t.shape() : Numbers.format(t.item()));
        }
        if (e instanceof Expr.Name n) {
            return lookup(n);
        }
        if (e instanceof Expr.Negate n) {
            Tensor x = eval(n.operand());
            return op(e, () -> Unary.Kind.NEG.on(x));
        }
        if (e instanceof Expr.BinaryOp b) {
            Tensor left = eval(b.left());
            Tensor right = eval(b.right());
            if (b.operator() == Expr.Operator.MATMUL && left.cols() == right.rows()) {
                // The one op whose result can be far larger than its inputs: refused before it is allocated.
                checkSize(b.anchor(), left.shape() + " @ " + right.shape() + " would be", left.rows(), right.cols());
            }
            return op(e, () -> switch (b.operator()) {
                case ADD -> Binary.Kind.ADD.on(left, right);
                case SUB -> Binary.Kind.SUB.on(left, right);
                case MUL -> Binary.Kind.MUL.on(left, right);
                case DIV -> Binary.Kind.DIV.on(left, right);
                case MATMUL -> MatMul.of(left, right);
            });
        }
        if (e instanceof Expr.Power p) {
            Tensor base = eval(p.base());
            double exponent = constant(p.exponent(), "the exponent of '^'", "x^2 or x^-0.5");
            return op(e, () -> Unary.Kind.POW.on(base, exponent));
        }
        return call((Expr.Call) e);
    }

    private Tensor call(Expr.Call c) throws LessonException {
        if (LeafSources.isLeafCall(c)) {
            List<Double> arguments = new ArrayList<>();
            for (int i = 0; i < c.arguments().size(); i++) {
                arguments.add(constant(c.arguments().get(i), "argument " + (i + 1) + " of " + c.function(),
                        c.function() + "(8, 10)"));
            }
            try {
                return track(LeafSources.build(c.function(), arguments, statements.get(statement).name(), data), c);
            } catch (LeafSources.Refused e) {
                throw fail(c.nameSpan(), e.getMessage());
            }
        }
        Functions.Function f = Functions.get(c.function());
        if (f == null) {
            String hint = bindings.containsKey(c.function()) ? " ('" + c.function() + "' is a name, not a function)"
                    : suggestion(c.function(), Functions.names());
            throw fail(c.nameSpan(), "unknown function '" + c.function() + "'" + hint);
        }
        int n = c.arguments().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            throw fail(c.nameSpan(), c.function() + " takes " + f.arity() + ", " + f.signature() + "; got " + n);
        }
        List<Tensor> tensors = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr arg = c.arguments().get(i);
            if (i < f.firstConstant()) {
                tensors.add(eval(arg));
            } else {
                constants.add(constant(arg, "argument " + (i + 1) + " of " + c.function(), f.signature()));
            }
        }
        return op(c, () -> f.builder().build(tensors, constants));
    }

    private Tensor lookup(Expr.Name n) throws LessonException {
        Tensor t = bindings.get(n.name());
        if (t != null) {
            return t;
        }
        String hint;
        if (Functions.get(n.name()) != null) {
            hint = " ('" + n.name() + "' is a function: call it as " + Functions.get(n.name()).signature() + ")";
        } else if (firstLine.containsKey(n.name())) {
            hint = ": it is bound only later, on line " + firstLine.get(n.name());
        } else {
            hint = suggestion(n.name(), List.copyOf(bindings.keySet()));
        }
        return failWith(n.span(), "unknown name '" + n.name() + "'" + hint);
    }

    /** A literal as a new leaf. */
    private Tensor leaf(Expr e) throws LessonException {
        Tensor t;
        if (e instanceof Expr.MatrixLit m) {
            double[][] copy = new double[m.rows().length][];
            for (int r = 0; r < copy.length; r++) {
                copy[r] = m.rows()[r].clone();
            }
            t = Tensor.of(data.precision(), copy);
        } else if (e instanceof Expr.Negate n) {
            t = Tensor.of(data.precision(), new double[][] {{-((Expr.NumberLit) n.operand()).value()}});
        } else {
            t = Tensor.of(data.precision(), new double[][] {{((Expr.NumberLit) e).value()}});
        }
        return track(t, e);
    }

    /** Builds an op node, reporting a shape error at the operator or function that caused it. */
    private Tensor op(Expr e, Supplier<Tensor> build) throws LessonException {
        try {
            return track(build.get(), e);
        } catch (ShapeException ex) {
            throw fail(e.anchor(), "shape mismatch: " + ex.getMessage());
        }
    }

    /** Refuses a tensor of more than {@link LessonLimits#MAX_TENSOR_SIZE} numbers, saying what would be so large. */
    private void checkSize(Span at, String what, long rows, long cols) throws LessonException {
        if (rows * cols > LessonLimits.MAX_TENSOR_SIZE) {
            throw fail(at, what + " a " + rows + "x" + cols + " matrix (" + LessonLimits.count(rows * cols)
                    + " numbers); a lesson's tensor holds at most " + LessonLimits.count(LessonLimits.MAX_TENSOR_SIZE)
                    + " (256x256): a lesson is for matrices small enough to follow step by step");
        }
    }

    /** Records a new node, and refuses it when it, or the lesson with it, holds more numbers than allowed. */
    private Tensor track(Tensor t, Expr e) throws LessonException {
        checkSize(e.anchor(), "this makes", t.rows(), t.cols());
        total += t.size();
        if (total > LessonLimits.MAX_TOTAL_SIZE) {
            throw fail(e.anchor(), "with this node the lesson's nodes hold " + LessonLimits.count(total)
                    + " numbers; a lesson holds at most " + LessonLimits.count(LessonLimits.MAX_TOTAL_SIZE)
                    + " in all: a lesson is for graphs small enough to follow step by step");
        }
        nodes.add(t);
        origins.put(t, new Lesson.Origin(statement, e.span()));
        return t;
    }

    /** The value of an expression made of numbers only (an exponent, a slope). */
    private double constant(Expr e, String what, String example) throws LessonException {
        Double v = constantValue(e);
        if (v == null) {
            throw fail(e.span(), what + " must be a constant number, as in " + example);
        }
        if (!Double.isFinite(v)) {
            throw fail(e.span(), what + " is " + v + "; it must be a finite number");
        }
        return v;
    }

    private static Double constantValue(Expr e) {
        if (e instanceof Expr.NumberLit n) {
            return n.value();
        }
        if (e instanceof Expr.Negate n) {
            Double v = constantValue(n.operand());
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Power p) {
            Double b = constantValue(p.base());
            Double x = constantValue(p.exponent());
            return b == null || x == null ? null : Math.pow(b, x);
        }
        if (e instanceof Expr.BinaryOp b && b.operator() != Expr.Operator.MATMUL) {
            Double l = constantValue(b.left());
            Double r = constantValue(b.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (b.operator()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                default -> l / r;
            };
        }
        return null;
    }

    /** Why a param cannot be bound again, and what to write instead: the new value under a name of its own. */
    private String rebound(Statement param, Statement again) {
        String fresh = param.name();
        for (int i = 2; firstLine.containsKey(fresh); i++) {
            fresh = param.name() + i;
        }
        String value = again.value().span().in(source);
        if (value.codePointCount(0, value.length()) > 40) {
            value = value.substring(0, value.offsetByCodePoints(0, 37)) + "...";
        }
        String keyword = again.keyword().isEmpty() ? "" : again.keyword() + " ";
        return "'" + param.name() + "' is the param declared on line " + param.line() + " and cannot be bound again"
                + " on line " + again.line() + ": the name would show the new value while training still updates the"
                + " param; give the new value a name of its own, as in '" + keyword + fresh + " = " + value + "'";
    }

    /** How many bytes {@code s} takes in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** " (did you mean 'x'?)" for the closest known name within one or two edits, or "". */
    static String suggestion(String name, List<String> known) {
        String best = null;
        // One edit for short names, two for longer ones, and never a whole name: 'z' does not suggest 'x'.
        int bestDistance = Math.min(name.length() <= 3 ? 2 : 3, name.length());
        for (String k : known) {
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private LessonException fail(Span at, String message) {
        return new LessonException(Diagnostic.at(file, at, message));
    }

    private <T> T failWith(Span at, String message) throws LessonException {
        throw fail(at, message);
    }
}
