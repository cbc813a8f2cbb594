/**
 * The lesson language: small graphs written as text ({@code .bp} files) that the app opens and the CLI evaluates.
 *
 * <p>{@link org.backproplab.lesson.Lexer} turns text into tokens, {@link org.backproplab.lesson.Parser} turns
 * tokens into statements ({@link org.backproplab.lesson.Statement}) over expressions
 * ({@link org.backproplab.lesson.Expr}), both sealed interfaces of records, and the compiler turns them into an
 * engine graph held by a {@link org.backproplab.lesson.Lesson}. Every mistake in a lesson becomes a
 * {@link org.backproplab.lesson.Diagnostic} ({@code file:line:col: message}) inside a
 * {@link org.backproplab.lesson.LessonException}; nothing else escapes. {@link org.backproplab.lesson.LessonLimits}
 * says how large a lesson may be, and {@link org.backproplab.lesson.LessonFile} reads a file within them.
 * {@link org.backproplab.lesson.LessonTraining} runs the training steps that {@code eval --steps} asks for, and
 * reports the first NaN or infinity ({@link org.backproplab.lesson.NonFinite}). A lesson made from an MNIST network
 * names its images by index and keeps its weights beside the text ({@link org.backproplab.lesson.LeafSources},
 * {@link org.backproplab.lesson.LessonData}). Depends on the engine, nn and data (the MNIST images).
 */
package org.backproplab.lesson;
