package org.backproplab.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The glossary parses, and the texts the app shows keep to its one term per concept in both languages. */
class GlossaryTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Path BUNDLES = Path.of("resources/org/backproplab/ui/i18n");
    private final Glossary glossary = Glossary.shipped();

    @Test
    void everyTermHasBothLanguagesAndAUniqueId() {
        assertTrue(glossary.terms().size() >= 40, glossary.toString());
        Set<String> ids = new HashSet<>();
        for (Term term : glossary.terms()) {
            assertTrue(ids.add(term.id()), "duplicate id " + term.id());
            for (String cell : List.of(term.english(), term.chinese(), term.englishDefinition(),
                    term.chineseDefinition())) {
                assertFalse(cell.isBlank(), term.id());
            }
            assertTrue(term.chineseDefinition().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), term.id());
        }
    }

    @Test
    void thePrimersTermsAreAllThere() {
        for (String zh : List.of("损失函数", "均方误差", "交叉熵", "链式法则", "自动微分", "前向传播", "反向传播", "梯度下降",
                "随机梯度下降", "学习率", "梯度消失", "梯度爆炸", "批量归一化", "梯度裁剪", "局部最优", "动量", "Xavier 初始化",
                "He 初始化")) {
            assertTrue(glossary.terms().stream().anyMatch(t -> t.chinese().startsWith(zh)), zh);
        }
    }

    @Test
    void searchFindsATermByEitherLanguageOrItsDefinition() {
        assertEquals("batch_norm", glossary.search("批量归一化").get(0).id());
        assertEquals("batch_norm", glossary.search("batchnorm").get(0).id());
        assertTrue(glossary.search("0.25").stream().anyMatch(t -> t.id().equals("sigmoid")));
        assertEquals(glossary.terms().size(), glossary.search("  ").size());
        assertTrue(glossary.search("no such word anywhere").isEmpty());
    }

    @Test
    void aMalformedLineIsNamedWithItsNumber() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> Glossary.parse("# c\nid\ten\tzh\ted\tzd\tea\tza\nx\ty\n", "g.tsv"));
        assertEquals("g.tsv:3: 2 tab-separated columns, the glossary has 7", error.getMessage());
    }

    @Test
    void aVariantNotToUseIsFound() {
        var misuse = glossary.firstMisuse("打开批归一化", ZH).orElseThrow();
        assertEquals("batch_norm", misuse.term().id());
        assertTrue(glossary.firstMisuse("打开批量归一化", ZH).isEmpty());
    }

    @Test
    void theMessageBundlesUseOneTermPerConcept() throws IOException {
        List<String> misuses = new ArrayList<>();
        checkBundle(BUNDLES.resolve("messages.properties"), Locale.ENGLISH, misuses);
        checkBundle(BUNDLES.resolve("messages_zh_CN.properties"), ZH, misuses);
        assertEquals(List.of(), misuses);
    }

    @Test
    void theReadmesLessonsAndCoursesUseOneTermPerConcept() throws IOException {
        List<String> misuses = new ArrayList<>();
        checkText(Path.of("README.md"), Locale.ENGLISH, misuses);
        checkText(Path.of("README.zh-CN.md"), ZH, misuses);
        try (Stream<Path> lessons = Files.list(Path.of("resources/lessons"))) {
            for (Path lesson : lessons.sorted().toList()) {
                checkText(lesson, Locale.ENGLISH, misuses);
                checkText(lesson, ZH, misuses);
            }
        }
        try (Stream<Path> courses = Files.list(Path.of("resources/courses"))) {
            for (Path course : courses.sorted().toList()) {
                checkText(course, Locale.ENGLISH, misuses);
                checkText(course, ZH, misuses);
            }
        }
        assertEquals(List.of(), misuses);
    }

    @Test
    void bothReadmesListEveryTermAsTheGlossarySaysIt() throws IOException {
        String english = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String chinese = Files.readString(Path.of("README.zh-CN.md"), StandardCharsets.UTF_8);
        for (Term t : glossary.terms()) {
            String en = "| " + t.english() + " | " + t.chinese() + " | " + t.englishDefinition().replace("|", "\\|") + " |";
            String zh = "| " + t.chinese() + " | " + t.english() + " | " + t.chineseDefinition().replace("|", "\\|") + " |";
            assertTrue(english.contains("\n" + en + "\n"), "README.md lacks the row " + en);
            assertTrue(chinese.contains("\n" + zh + "\n"), "README.zh-CN.md lacks the row " + zh);
        }
    }

    private void checkBundle(Path file, Locale locale, List<String> misuses) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        for (String key : new java.util.TreeSet<>(bundle.stringPropertyNames())) {
            glossary.firstMisuse(bundle.getProperty(key), locale)
                    .ifPresent(m -> misuses.add(file.getFileName() + " " + key + ": " + m.describe(locale)));
        }
    }

    private void checkText(Path file, Locale locale, List<String> misuses) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            glossary.firstMisuse(lines.get(i), locale)
                    .ifPresent(m -> misuses.add(file + ":" + lineNumber + ": " + m.describe(locale)));
        }
    }
}
