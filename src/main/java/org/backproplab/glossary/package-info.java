/**
 * The glossary: every concept the app names, once, with its English and 简体中文 term (the primer's term where it
 * has one), a one-line definition in both languages, and the variants not to use. The data is
 * {@code resources/org/backproplab/glossary/glossary.tsv}; Help ▸ Glossary shows it and a test holds the message
 * bundles, the READMEs and the lessons to it. JDK only.
 */
package org.backproplab.glossary;
