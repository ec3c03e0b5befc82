/**
 * ArchUnit rules that keep request filters pass-through cheap.
 */
@NullMarked
package ai.litellm.spring.archunit;

import org.jspecify.annotations.NullMarked;
