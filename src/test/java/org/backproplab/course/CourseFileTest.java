package org.backproplab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.backproplab.nn.Clipping;
import org.backproplab.nn.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourseFileTest {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    static final String SMALL = """
            backprop-lab-course 1
            # a teacher's course
            id: my-class
            title: My class
            title.zh_CN: 我的课

            == page
            title: Descent
            title.zh_CN: 下降
            -- text
            The update is $w \\leftarrow w - \\eta \\cdot \\partial L / \\partial w$.

            -- second paragraph
            -- text.zh_CN
            更新规则是 $w \\leftarrow w - \\eta g$。
            -- setup
            label: Lesson 09 after one update
            label.zh_CN: 第 09 课，更新一次之后
            tab: step-through
            lesson: 09_gradient_descent
            steps: 3
            clipping: norm 1
            -- exercise number
            question: What is w after one update with η = 0.1?
            answer: 0.6
            tolerance: 0.001
            why: w = 0 − 0.1 × (−6) = 0.6
            lesson: 09_gradient_descent
            node: w
            updates: 1

            == page
            title: Choose
            -- exercise choice
            question: Which loss gives p − y?
            option: MSE
            option.zh_CN: 均方误差
            option: Cross-entropy
            option.zh_CN: 交叉熵
            answer: 2
            """;

    @Test
    void aCourseReadsIntoPagesOfTextSetupsAndExercises() throws Exception {
        String text = SMALL.replace("-- second paragraph\n", "");
        Course c = CourseFile.parse(text, "my.course");
        assertEquals("my-class", c.id());
        assertEquals("我的课", c.title().in(CHINESE));
        assertEquals(2, c.pages().size());
        Course.Page first = c.pages().get(0);
        assertEquals("Descent", first.title().in(Locale.ENGLISH));
        assertEquals(3, first.blocks().size());
        var markdown = assertInstanceOf(Course.Block.Text.class, first.blocks().get(0)).markdown();
        assertTrue(markdown.in(Locale.ENGLISH).startsWith("The update is $w"));
        assertTrue(markdown.in(CHINESE).startsWith("更新规则"));
        var setup = assertInstanceOf(Setup.StepThrough.class, first.setups().get(0).setup());
        assertEquals(new Setup.StepThrough("09_gradient_descent", 3, OptimizerKind.SGD, 0.1,
                Clipping.Mode.NORM.with(1), false), setup);
        assertEquals("第 09 课，更新一次之后", first.setups().get(0).label().in(CHINESE));
        var number = assertInstanceOf(Exercise.NumberExercise.class, first.exercises().get(0));
        assertTrue(number.isRight(0.6004));
        assertFalse(number.isRight(0.602));
        assertEquals(0.6, EngineAnswers.compute(number.engine()), 1e-15);
        var choice = assertInstanceOf(Exercise.ChoiceExercise.class, c.pages().get(1).exercises().get(0));
        assertEquals("交叉熵", choice.options().get(1).in(CHINESE));
        assertEquals("MSE", choice.options().get(0).in(Locale.ENGLISH));
        assertEquals(2, choice.answer());
        assertEquals(List.of("1.1", "2.1"), c.exerciseKeys());
    }

    /** Each mistake: where (line:column) and what; the message is what the app shows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            backprop-lab-course 1|backprop-lab-course 2|1|21|this is format 2
            id: my-class|id: My Class|3|5|an id is small letters
            lesson: 09_gradient_descent|lesson: 99_none|21|9|expected a shipped lesson
            steps: 3|steps: three|22|8|"steps": expected a whole number, not "three"
            clipping: norm 1|clipping: norm -1|23|11|must be more than 0
            tab: step-through|tab: stepper|20|6|expected one of step-through, landscape
            -- setup|-- picture|17|4|a block is "-- text"
            answer: 0.6|answer: six|26|9|expected a number
            node: w|node: q|30|7|has no node "q"
            option: Cross-entropy|colour: blue|39|1|a choice exercise has no key "colour"
            answer: 2|answer: 3|41|9|must be 1 to 2, not 3
            == page|== chapter|7|1|a page starts with "== page"
            title: Choose|titel: Choose|34|1|a page has no key "titel"
            """)
    void aMistakeSaysItsLineColumnAndWhat(String line, String broken, int atLine, int atColumn, String what) {
        String text = SMALL.replace("-- second paragraph\n", "-- text\nmore text\n")
                .replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(broken));
        CourseException e = assertThrows(CourseException.class, () -> CourseFile.parse(text, "my.course"));
        assertTrue(e.getMessage().startsWith("my.course:" + atLine + ":" + atColumn + ": "), e.getMessage());
        assertTrue(e.problem().contains(what), e.getMessage());
    }

    /** The sample in README's Course section is a course that reads, in both READMEs alike. */
    @Test
    void theReadmesSampleCourseReads() throws Exception {
        for (String readme : List.of("README.md", "README.zh-CN.md")) {
            String text = Files.readString(Path.of(readme), StandardCharsets.UTF_8);
            int start = text.indexOf("```\nbackprop-lab-course 1\n") + 4;
            String sample = text.substring(start, text.indexOf("```", start));
            Course c = CourseFile.parse(sample, readme);
            assertEquals("my-class", c.id());
            assertEquals(1, c.pages().get(0).setups().size());
            var exercise = assertInstanceOf(Exercise.NumberExercise.class, c.pages().get(0).exercises().get(0));
            assertTrue(exercise.isRight(EngineAnswers.compute(exercise.engine())));
        }
    }

    @Test
    void aFileThatIsNotACourseSaysSo(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("x.course");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals("x.course:0:1: it is not UTF-8 text",
                assertThrows(CourseException.class, () -> CourseFile.read(binary)).getMessage());
        Path lesson = dir.resolve("lesson.course");
        Files.writeString(lesson, "param w = 0\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(CourseException.class, () -> CourseFile.read(lesson)).getMessage()
                .startsWith("lesson.course:1:1: a course file starts with \"backprop-lab-course 1\""));
        assertEquals("none.course:0:1: there is no such file", assertThrows(CourseException.class,
                () -> CourseFile.read(dir.resolve("none.course"))).getMessage());
        assertTrue(assertThrows(CourseException.class, () -> CourseFile.parse("backprop-lab-course 1\nid: a\n"
                + "title: A\n", "empty.course")).problem().contains("no page"));
    }
}
