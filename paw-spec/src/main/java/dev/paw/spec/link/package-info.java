/** The linker: completes a connector read from YAML with the defaults and inferences the file leaves implicit. */
package dev.paw.spec.link;
