package org.backproplab.course;

import java.util.List;

/**
 * A course: pages a learner walks with Next and Back, each with text (Markdown with formulas between {@code $…$}),
 * setups (buttons that put a tab into a stated state) and exercises. Read from a text file by {@link CourseFile}.
 *
 * @param file the file's name, for messages
 * @param id what its progress is remembered under: small letters, digits and hyphens
 */
public record Course(String file, String id, Localized title, List<Page> pages) {

    public Course {
        pages = List.copyOf(pages);
    }

    /** One page: its title and its blocks in order; {@code line} is where it starts in the file. */
    public record Page(Localized title, List<Block> blocks, int line) {
        public Page {
            blocks = List.copyOf(blocks);
        }

        /** The page's exercises in order. */
        public List<Exercise> exercises() {
            return blocks.stream().filter(b -> b instanceof Block.Question).map(b -> ((Block.Question) b).exercise())
                    .toList();
        }

        /** The page's setups in order. */
        public List<Block.SetupButton> setups() {
            return blocks.stream().filter(b -> b instanceof Block.SetupButton).map(b -> (Block.SetupButton) b)
                    .toList();
        }
    }

    /** What a page shows, top to bottom. */
    public sealed interface Block {
        /** Markdown in one or more languages. */
        record Text(Localized markdown) implements Block {
        }

        /** A button that puts a tab into the state the setup states. */
        record SetupButton(Localized label, Setup setup) implements Block {
        }

        /** An exercise; {@code key} names it for the progress ({@code 3.2}: page 3's second exercise). */
        record Question(Exercise exercise, String key) implements Block {
        }
    }

    /** Every exercise's key, for the progress's "n of m right". */
    public List<String> exerciseKeys() {
        return pages.stream().flatMap(p -> p.blocks().stream()).filter(b -> b instanceof Block.Question)
                .map(b -> ((Block.Question) b).key()).toList();
    }
}
