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

package ai.litellm.spring.autoconfigure;

import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.web.exchanges.HttpExchange;
import org.springframework.boot.actuate.web.exchanges.HttpExchangeRepository;

/**
 * Keeps the {@code x-litellm-api-key} header out of the HTTP exchanges actuator records,
 * which leaves out only {@code Authorization} and {@code Cookie}. The proxied
 * {@link HttpExchangeRepository} keeps its own type, for whatever injects it by class.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsKeyHeaderRedactor implements BeanPostProcessor {

	static final String KEY_HEADER = "x-litellm-api-key";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof HttpExchangeRepository)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
		proxy.addAdvice((MethodInterceptor) (invocation) -> {
			Object[] arguments = invocation.getArguments();
			if ("add".equals(invocation.getMethod().getName()) && arguments.length == 1
					&& arguments[0] instanceof HttpExchange exchange) {
				arguments[0] = withoutKeyHeader(exchange);
			}
			return invocation.proceed();
		});
		return proxy.getProxy(bean.getClass().getClassLoader());
	}

	private static HttpExchange withoutKeyHeader(HttpExchange exchange) {
		HttpExchange.Request request = exchange.getRequest();
		if (request.getHeaders().keySet().stream().noneMatch(KEY_HEADER::equalsIgnoreCase)) {
			return exchange;
		}
		Map<String, List<String>> headers = new LinkedHashMap<>(request.getHeaders());
		headers.keySet().removeIf(KEY_HEADER::equalsIgnoreCase);
		return new HttpExchange(exchange.getTimestamp(),
				new HttpExchange.Request(request.getUri(), request.getRemoteAddress(), request.getMethod(), headers),
				exchange.getResponse(), exchange.getPrincipal(), exchange.getSession(), exchange.getTimeTaken());
	}

}
