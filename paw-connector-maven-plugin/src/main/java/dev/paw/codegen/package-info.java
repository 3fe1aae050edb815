/**
 * The code generator: turns linked connector specs into Java sources with JavaPoet. One generator
 * class per kind of output (descriptor, client, parameters, row record, mapper); the Maven mojos
 * only build a request and call {@link dev.paw.codegen.ConnectorGenerator}.
 */
package dev.paw.codegen;
