package org.backproplab.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The course that ships with the app, {@code resources/courses/primer.course}: the primer's chapters in order. */
public final class ShippedCourse {

    public static final String RESOURCE = "/courses/primer.course";

    private ShippedCourse() {
    }

    /** The shipped course; a missing or broken one is a packaging error and fails loudly. */
    public static Course load() {
        try (InputStream in = ShippedCourse.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " (it belongs under resources"
                        + RESOURCE + ")");
            }
            return CourseFile.read(in, "primer.course");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        } catch (CourseException e) {
            throw new IllegalStateException("the shipped course is broken: " + e.getMessage(), e);
        }
    }
}
