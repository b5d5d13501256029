package dev.expiry.processor.model;

import java.util.Objects;

/**
 * A web framework that dispatches requests to handler methods behind one servlet. Each framework's
 * reader declares its own (see {@code read.EndpointKind}), so adding one touches no other code.
 *
 * @param id a short id, such as {@code spring-mvc}
 * @param displayName its name in diagnostics, such as {@code Spring MVC}
 * @param syntax how it spells path templates
 * @param conditions the conditions besides method and path it chooses a handler by, in words: {@code
 *     params, headers, consumes or produces}
 */
public record Framework(String id, String displayName, PathTemplate.Syntax syntax, String conditions) {

  public Framework {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(conditions, "conditions");
  }
}
