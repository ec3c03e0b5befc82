/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/**
 * The metrics-endpoint guard's core, which knows no web stack: which paths are metrics
 * paths, which credentials a request presents, which keys are accepted (and their
 * reloading), and what the answer is. The {@code reactive} and {@code servlet} packages
 * adapt it to WebFlux and to Spring MVC.
 */
@NullMarked
package ai.litellm.spring.metrics;

import org.jspecify.annotations.NullMarked;
