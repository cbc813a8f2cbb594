package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar, and every lesson error the issue lists, each with the exact file:line:col message. */
class ParserTest {

    /** The single diagnostic of a lesson that must fail, as printed. */
    static String error(String source) {
        LessonException e = assertThrows(LessonException.class, () -> Lesson.compile(source, "t.bp"));
        assertEquals(1, e.diagnostics().size(), () -> "expected one diagnostic, got " + e.getMessage());
        return e.first().format();
    }

    private static Expr expr(String text) throws LessonException {
        return Parser.parse("v = " + text, "t.bp").get(0).value();
    }

    // ---- the grammar ----

    @Test
    void unaryMinusBindsLooserThanPower() throws LessonException {
        Expr.Negate neg = assertInstanceOf(Expr.Negate.class, expr("-x^2"));
        assertInstanceOf(Expr.Power.class, neg.operand());
        Expr.Power pow = assertInstanceOf(Expr.Power.class, expr("x ** -2"));
        assertInstanceOf(Expr.Negate.class, pow.exponent());
    }

    @Test
    void powerIsRightAssociative() throws LessonException {
        Expr.Power outer = assertInstanceOf(Expr.Power.class, expr("a ^ b ^ c"));
        assertEquals("a", ((Expr.Name) outer.base()).name());
        assertInstanceOf(Expr.Power.class, outer.exponent());
    }

    @Test
    void matmulSharesTheLevelOfTimesAndAssociatesLeft() throws LessonException {
        Expr.BinaryOp sum = assertInstanceOf(Expr.BinaryOp.class, expr("a + b @ c * d"));
        assertEquals(Expr.Operator.ADD, sum.operator());
        Expr.BinaryOp times = assertInstanceOf(Expr.BinaryOp.class, sum.right());
        assertEquals(Expr.Operator.MUL, times.operator());
        assertEquals(Expr.Operator.MATMUL, ((Expr.BinaryOp) times.left()).operator());
    }

    @Test
    void spansCoverTheExpressionAndAnchorTheOperator() throws LessonException {
        Expr.BinaryOp e = assertInstanceOf(Expr.BinaryOp.class, expr("(a + b) @ c"));
        assertEquals(new Span(1, 6, 11), e.left().span());
        assertEquals(new Span(1, 5, 16), e.span());
        assertEquals(new Span(1, 13, 14), e.anchor());
    }

    @Test
    void literals() throws LessonException {
        Expr.MatrixLit row = assertInstanceOf(Expr.MatrixLit.class, expr("[1, -2.5, 2.5e-3]"));
        assertEquals(List.of(1.0, -2.5, 0.0025), List.of(row.rows()[0][0], row.rows()[0][1], row.rows()[0][2]));
        Expr.MatrixLit m = assertInstanceOf(Expr.MatrixLit.class, expr("[[1, 2], [3, 4]]"));
        assertEquals(2, m.rows().length);
        assertEquals(4.0, m.rows()[1][1]);
        assertEquals(0.5, ((Expr.NumberLit) expr(".5")).value());
        assertEquals(5.0, ((Expr.NumberLit) expr("5.")).value());
    }

    @Test
    void keywordsAreKeywordsOnlyBeforeAName() throws LessonException {
        List<Statement> s = Parser.parse("loss = 1\nparam = 2\nloss L = loss + param\nparam w = -3", "t.bp");
        assertInstanceOf(Statement.Assign.class, s.get(0));
        assertInstanceOf(Statement.Assign.class, s.get(1));
        assertInstanceOf(Statement.Loss.class, s.get(2));
        assertInstanceOf(Statement.Param.class, s.get(3));
        assertEquals(4, s.get(3).line());
    }

    @Test
    void commentsBlankLinesAndLineEndings() throws LessonException {
        String text = "\uFEFF# 注释 comment\r\n\r\n  x = 1   # trailing\ry = x\n\n";
        List<Statement> s = Parser.parse(text, "t.bp");
        assertEquals(2, s.size());
        assertEquals(new Span(3, 3, 4), s.get(0).nameSpan());
        assertEquals(4, s.get(1).line());
    }

    // ---- one test per error the issue names ----

    @Test
    void unknownName() {
        assertEquals("t.bp:2:9: unknown name 'z'", error("x = 1\ny = x + z"));
        assertEquals("t.bp:1:5: unknown name 'q': it is bound only later, on line 2", error("y = q\nq = 1"));
        assertEquals("t.bp:2:5: unknown name 'weigth' (did you mean 'weight'?)", error("weight = 1\ny = weigth * 2"));
        assertEquals("t.bp:1:5: unknown name 'relu' ('relu' is a function: call it as relu(x))", error("y = relu"));
    }

    @Test
    void unknownFunction() {
        assertEquals("t.bp:2:5: unknown function 'rleu' (did you mean 'relu'?)", error("x = 1\ny = rleu(x)"));
        assertEquals("t.bp:2:9: unknown function 'x' ('x' is a name, not a function)", error("x = 1\ny = 2 * x(3)"));
        assertEquals("t.bp:1:5: unknown function 'softplus'", error("y = softplus(1)"));
    }

    @Test
    void wrongNumberOfArguments() {
        assertEquals("t.bp:2:5: sigmoid takes 1 argument, sigmoid(x); got 2", error("x = 1\ny = sigmoid(x, x)"));
        assertEquals("t.bp:1:5: mse takes 2 arguments, mse(prediction, target); got 1", error("y = mse(1)"));
        assertEquals("t.bp:1:5: leaky_relu takes 1 or 2 arguments, leaky_relu(x) or leaky_relu(x, slope); got 3",
                error("y = leaky_relu(1, 2, 3)"));
        assertEquals("t.bp:1:5: relu takes 1 argument, relu(x); got 0", error("y = relu()"));
    }

    @Test
    void shapeMismatchNamesBothShapesAtTheOperator() {
        String ab = "a = [1, 2, 3]\nb = [[1, 2], [3, 4]]\n";
        assertEquals("t.bp:3:7: shape mismatch: matmul: [1x3] @ [2x2] — inner sizes differ (3 ≠ 2)",
                error(ab + "c = a @ b"));
        assertEquals("t.bp:3:11: shape mismatch: add: [1x3] + [2x2] — shapes differ, and neither is a scalar or a"
                + " row of 3 columns", error(ab + "c = 2 * a + b"));
        assertEquals("t.bp:3:9: shape mismatch: mse: prediction [1x3] and target [2x2] — shapes differ",
                error(ab + "c = 1 + mse(a, b)"));
    }

    @Test
    void badNumber() {
        assertEquals("t.bp:1:5: bad number '1.2.3': a number has at most one decimal point", error("x = 1.2.3"));
        assertEquals("t.bp:1:9: bad number '2e-': the exponent needs digits, as in 2.5e-3", error("x = 1 + 2e-"));
        assertEquals("t.bp:2:5: bad number '3x': a number cannot run into a name; to multiply, write 3 * x",
                error("x = 1\ny = 3x"));
        assertEquals("t.bp:1:6: bad number '1e999': too large for a double (at most about 1.8e308)", error("x = [1e999]"));
    }

    @Test
    void unclosedBracket() {
        assertEquals("t.bp:1:5: unclosed '[': no ']' before the end of the line", error("x = [1, 2"));
        assertEquals("t.bp:1:5: unclosed '[': no ']' before the end of the line", error("x = [[1, 2], [3, 4]\ny = 1"));
        assertEquals("t.bp:1:9: unclosed '(': no ')' before the end of the line", error("x = 2 * (1 + 2  # no"));
        assertEquals("t.bp:1:12: unclosed '(': no ')' before the end of the line", error("y = sigmoid(1"));
        assertEquals("t.bp:1:11: expected ')' to close the '(' at 1:5, found ']'", error("x = (1 + 2]"));
    }

    @Test
    void paramWhoseRightSideIsNotALiteral() {
        assertEquals("t.bp:2:11: param w needs a literal on the right: a number, a row [1, 2], a matrix"
                + " [[1, 2], [3, 4]] or data(rows, cols); compute it in a plain 'name = expression' line", error("x = 1\nparam w = x * 2"));
        assertEquals("t.bp:1:11: const k needs a literal on the right: a number, a row [1, 2], a matrix"
                + " [[1, 2], [3, 4]] or data(rows, cols); compute it in a plain 'name = expression' line", error("const k = sigmoid(1)"));
    }

    @Test
    void aParamBoundAgainIsAnErrorThatSaysWhatToWriteInstead() throws LessonException {
        // Issue 13, row 14: 'w = w + 1' after 'param w = 1' hid the param: training updated it, the report showed w+1.
        assertEquals("t.bp:3:1: 'w' is the param declared on line 1 and cannot be bound again on line 3: the name would"
                + " show the new value while training still updates the param; give the new value a name of its own,"
                + " as in 'w2 = w + 1'", error("param w = 1\nconst x = 2\nw = w + 1\nloss L = w * x"));
        assertEquals("t.bp:3:7: 'w' is the param declared on line 1 and cannot be bound again on line 3: the name would"
                + " show the new value while training still updates the param; give the new value a name of its own,"
                + " as in 'param w3 = [1, 2]'", error("param w = [3, 4]\nw2 = w * 2\nparam w = [1, 2]"));
        assertEquals("t.bp:2:6: 'b' is the param declared on line 1 and cannot be bound again on line 2: the name would"
                + " show the new value while training still updates the param; give the new value a name of its own,"
                + " as in 'loss b2 = sum(b * b)'", error("param b = 1\nloss b = sum(b * b)"));
        // Plain names may still be bound again: a name means its latest binding.
        assertEquals(3, Lesson.compile("param w = 1\nh = w + 1\nh = h + 1", "t.bp").tensor("h").orElseThrow().item());
    }

    @Test
    void nameBoundToNothing() {
        assertEquals("t.bp:1:3: 'x' is bound to nothing: write an expression after '='", error("x ="));
        assertEquals("t.bp:2:8: 'L' is bound to nothing: write an expression after '='", error("y = 1\nloss L =  # todo"));
    }

    // ---- further errors ----

    @Test
    void otherSyntaxErrors() {
        assertEquals("t.bp:1:1: expected a statement such as 'x = 1', found '3'", error("3 + 4"));
        assertEquals("t.bp:1:3: expected '=' after 'x', found '+'", error("x + 1"));
        assertEquals("t.bp:1:7: expected the end of the statement (one statement a line), found 'y'", error("x = 1 y = 2"));
        assertEquals("t.bp:1:10: expected an expression, found ')'", error("x = (1 + )"));
        assertEquals("t.bp:1:5: unexpected character '$'", error("x = $"));
        assertEquals("t.bp:1:7: unexpected character '，' (a full-width character; did you mean ','?)", error("x = [1，2]"));
        assertEquals("t.bp:1:5: an empty row: a row needs at least one number", error("x = []"));
        assertEquals("t.bp:1:14: row 2 of the matrix has 1 numbers, row 1 has 2", error("x = [[1, 2], [3]]"));
        assertEquals("t.bp:1:9: expected a number (a literal holds only numbers), found 'y'", error("x = [1, y]"));
        assertEquals("t.bp:1:14: expected '[' to start row 2 of the matrix, found '3'", error("x = [[1, 2], 3]"));
    }

    @Test
    void secondLossAndEmptyLessonAndNonConstantExponent() {
        assertEquals("t.bp:3:6: a lesson has one loss; the first is 'L' on line 2", error("x = 1\nloss L = x\nloss M = x"));
        assertEquals("t.bp:1:1: the lesson has no statements: write at least one line such as 'x = 1'",
                error("# only a comment\n\n"));
        assertEquals("t.bp:2:9: the exponent of '^' must be a constant number, as in x^2 or x^-0.5", error("x = 2\ny = x ^ x"));
        assertEquals("t.bp:1:19: argument 2 of leaky_relu must be a constant number, as in leaky_relu(x) or"
                + " leaky_relu(x, slope)", error("x = leaky_relu(1, [1])"));
        assertEquals("t.bp:1:10: the exponent of '^' is Infinity; it must be a finite number", error("y = 2 ^ (1 / 0)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(|105", "-|104"})
    void nestingIsLimited(String opener, int column) {
        String deep = "x = " + opener.repeat(Parser.MAX_DEPTH + 5) + "1";
        String message = error(deep);
        assertEquals("t.bp:1:" + column + ": the expression is nested more than 100 levels deep", message);
    }

    @Test
    void everyBadLineIsReportedInOrder() {
        LessonException e = assertThrows(LessonException.class,
                () -> Lesson.compile("x = [1, 2\ny = 1\nz = 3x\nw = (", "f.bp"));
        assertEquals(List.of("f.bp:1:5: unclosed '[': no ']' before the end of the line",
                "f.bp:3:5: bad number '3x': a number cannot run into a name; to multiply, write 3 * x",
                "f.bp:4:5: unclosed '(': no ')' before the end of the line"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(String.join("\n", e.diagnostics().stream().map(Diagnostic::format).toList()), e.getMessage());
    }

    @Test
    void tooManyOperandsIsAnErrorNotAStackOverflow() {
        String longSum = "x = 1" + " + 1".repeat(Parser.MAX_OPERANDS + 10);
        String message = error(longSum);
        assertEquals("the statement has more than 2000 operands; split it over several lines",
                message.substring(message.indexOf(": ") + 2));
    }
}
