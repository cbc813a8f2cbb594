package org.backproplab.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A lesson's header in the window's language: the title and the explanation of that language only. */
class LessonHeaderTest {

    private static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void theSigmoidNeuronInEnglish() {
        LessonHeader h = LessonHeader.of(ShippedLessons.source("02_sigmoid_neuron"), Locale.ENGLISH);
        assertEquals("sigmoid neuron", h.title());
        assertTrue(h.explanation().startsWith("the sigmoid neuron of CS231n's backprop notes, f = sigmoid(w0*x0 + w1*x1"
                + " + w2). Forward: the weighted sum is 1"), h.explanation());
        assertTrue(h.explanation().endsWith("more gates, the very same gradients."), h.explanation());
        assertFalse(hasChinese(h.explanation()), h.explanation());
        assertFalse(h.explanation().contains("#") || h.explanation().contains("  "), h.explanation());
    }

    @Test
    void theSigmoidNeuronInChineseIsJoinedWithoutSpaces() {
        LessonHeader h = LessonHeader.of(ShippedLessons.source("02_sigmoid_neuron"), Locale.SIMPLIFIED_CHINESE);
        assertEquals("Sigmoid 神经元", h.title());
        assertTrue(h.explanation().startsWith("CS231n 反向传播讲义中的 sigmoid 神经元"), h.explanation());
        assertTrue(h.explanation().contains("乘以这个值（dw0 = -0.197"), "a wrapped line goes on without a space: "
                + h.explanation());
        assertTrue(h.explanation().endsWith("梯度却完全相同。"), h.explanation());
        assertFalse(h.explanation().contains("Teaches") || h.explanation().contains("Try"), h.explanation());
    }

    @Test
    void everyShippedLessonHasATitleAndAnExplanationInBothLanguages() {
        for (String name : ShippedLessons.NAMES) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                LessonHeader h = LessonHeader.of(ShippedLessons.source(name), locale);
                assertFalse(h.title().isEmpty() || h.explanation().isEmpty(), name + " " + locale);
                assertEquals(!locale.equals(Locale.ENGLISH), hasChinese(h.explanation()), name + " " + locale);
            }
            assertTrue(hasChinese(LessonHeader.of(ShippedLessons.source(name), Locale.SIMPLIFIED_CHINESE).title()), name);
        }
    }

    @Test
    void theListShowsTheNumberAndTheTitleOfTheLanguage() {
        assertEquals("02 · sigmoid neuron", ShippedLessons.title("02_sigmoid_neuron", Locale.ENGLISH));
        assertEquals("02 · Sigmoid 神经元", ShippedLessons.title("02_sigmoid_neuron", Locale.SIMPLIFIED_CHINESE));
        assertEquals("05 · 批量归一化（BatchNorm）", ShippedLessons.title("05_batchnorm", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aHandWrittenHeaderTakesEitherColonAndEndsAtTheFirstStatement() {
        String text = "# 标题: 我的课\n#   not a continuation of a title\n# Teaches: one\n#   two\n#\n#   three\n"
                + "x = 1\n# Title: too late\n# 本课内容：太晚了\n";
        assertEquals(new LessonHeader("", "one two"), LessonHeader.of(text, Locale.ENGLISH),
                "a bare '#' ends the part; nothing after the first statement counts");
        assertEquals(new LessonHeader("我的课", ""), LessonHeader.of(text, Locale.CHINESE));
        assertEquals(new LessonHeader("", ""), LessonHeader.of("x = 1\n", Locale.ENGLISH));
        assertEquals(new LessonHeader("", ""), LessonHeader.of("# Teachers: no\n# Titles\n", Locale.ENGLISH));
    }

    /** The lessons the Playground and the gradient-flow lab write say what they teach in both languages. */
    @Test
    void aGeneratedNetworkLessonHasItsExplanationInBothLanguages() {
        var net = org.backproplab.nn.Mlp.sizes(2, 3, 2).dtype(org.backproplab.engine.DType.F64).seed(1).build();
        String text = org.backproplab.lesson.NetworkLesson.write("gradflow-A", org.backproplab.lesson.NetworkLesson
                .layersOf(net), (org.backproplab.nn.Activation) net.modules().get(1), new double[] {0.5, -1},
                new org.backproplab.lesson.NetworkLesson.Target.OneHot(1, 2));
        assertEquals("one example through the network, with its weights as they are now: step through the forward "
                + "pass, then the chain rule back to every weight.", LessonHeader.of(text, Locale.ENGLISH).explanation());
        assertTrue(LessonHeader.of(text, Locale.SIMPLIFIED_CHINESE).explanation().startsWith("一个样本经过这个网络"));
    }
}
