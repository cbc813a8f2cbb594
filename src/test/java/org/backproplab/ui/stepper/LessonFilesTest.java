package org.backproplab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a drop on the window opens, and how a lesson file is read. */
class LessonFilesTest {

    @Test
    void aDropOpensTheFirstLessonAmongTheFiles(@TempDir Path dir) throws IOException {
        File picture = Files.writeString(dir.resolve("graph.png"), "x").toFile();
        File lesson = Files.writeString(dir.resolve("Mine.BP"), "x = 1 # 注释\n").toFile();
        File folder = Files.createDirectory(dir.resolve("more.bp")).toFile();
        assertEquals(lesson, LessonFiles.firstLesson(List.of(picture, folder, lesson)).orElseThrow());
        assertTrue(LessonFiles.firstLesson(List.of(picture)).isEmpty());
        assertEquals("x = 1 # 注释\n", LessonFiles.read(lesson.toPath()));
    }
}
