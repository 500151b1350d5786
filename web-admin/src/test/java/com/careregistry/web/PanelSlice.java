package com.careregistry.web;

import com.careregistry.core.text.Texts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a web slice test ({@code @WebMvcTest} of one controller, its use cases mocked) needs besides
 * the controller for the panel's pages to render: the texts and the page helpers the templates call
 * ({@code @when}, {@code @isolate}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({Texts.class, When.class, Isolate.class})
public class PanelSlice {
}
