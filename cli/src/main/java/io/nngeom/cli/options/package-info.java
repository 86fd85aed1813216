/**
 * Option groups that several commands declare alike, as picocli mixins ({@code @Mixin TargetOptions target;}):
 * each keeps one option's name, label, default, help text and checks in one place. A command whose option
 * differs in wording or in being required declares it itself. Options shared by every command are
 * {@link io.nngeom.cli.CommonOptions}; groups used within one area live in that area's package
 * ({@code lowrank.LawOptions}, {@code minimizers.DataSource}, …).
 */
package io.nngeom.cli.options;
