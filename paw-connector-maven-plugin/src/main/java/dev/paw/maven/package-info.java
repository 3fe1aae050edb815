/**
 * The Maven goals {@code paw:generate} and {@code paw:validate}. The mojos are thin: they turn
 * their parameters into a request, hand it to {@link dev.paw.build.PawBuild}, adapt its log to
 * Maven's, and register the generated directories with the project.
 */
package dev.paw.maven;
