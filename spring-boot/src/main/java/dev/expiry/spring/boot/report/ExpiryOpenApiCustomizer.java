package dev.expiry.spring.boot.report;

import dev.expiry.runtime.FrameworkHandler;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds Expiry's answers to the OpenAPI document springdoc-openapi builds: for each handler method
 * the policy report lists, one response per status among its answers (session, access token
 * and CSRF token, each for a browser and for a script), described, with the {@code Location} or
 * challenge header ({@code WWW-Authenticate}, {@code Proxy-Authenticate}) as an example, and the
 * body: {@code application/problem+json} with the {@value #PROBLEM_SCHEMA} schema (RFC 9457),
 * registered once in the components, or {@code text/html}.
 *
 * <p>A response the application documented itself for that status (with {@code @ApiResponse}, or
 * springdoc's from an exception handler) is kept as it is: Expiry's descriptions are appended to
 * its description, and only the headers and media types it does not have are added.
 */
public class ExpiryOpenApiCustomizer implements GlobalOperationComponentsCustomizer {

  /** The name of the problem schema in {@code components.schemas}. */
  public static final String PROBLEM_SCHEMA = "ExpiryProblem";

  static final String PROBLEM_JSON = "application/problem+json";

  private final ExpiryReports reports;

  public ExpiryOpenApiCustomizer(ExpiryReports reports) {
    this.reports = reports;
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    return customize(operation, null, handlerMethod);
  }

  @Override
  public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
    String type = ClassUtils.getUserClass(handlerMethod.getBeanType()).getName();
    String key = FrameworkHandler.methodKey(handlerMethod.getMethod());
    Optional<Map<String, Object>> found = reports.operation(type, key);
    List<Map<String, Object>> answers = reports.answers(type, key);
    if (found.isEmpty() || answers.isEmpty()) {
      return operation;
    }
    Map<Integer, List<Map<?, ?>>> byStatus = new TreeMap<>();
    for (Object answer : answers) {
      if (answer instanceof Map<?, ?> a && a.get("status") instanceof Integer status) {
        byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(a);
      }
    }
    if (byStatus.isEmpty()) {
      return operation;
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    String instance = firstPath(found.get());
    byStatus.forEach((status, group) -> {
      String code = String.valueOf(status);
      ApiResponse response = operation.getResponses().get(code);
      List<String> descriptions = group.stream().map(ExpiryOpenApiCustomizer::describe).toList();
      String description = String.join("\n\n", descriptions);
      if (response == null) {
        response = new ApiResponse().description(description);
        operation.getResponses().addApiResponse(code, response);
      } else {
        String own = response.getDescription();
        response.setDescription(own == null || own.isBlank() ? description : own + "\n\n" + description);
      }
      addHeaders(response, group);
      addContent(response, group, status, instance, components);
    });
    return operation;
  }

  /** What expired, for which client, and what Expiry answers. */
  static String describe(Map<?, ?> answer) {
    String what = switch (String.valueOf(answer.get("on"))) {
      case "SESSION" -> "The session has expired";
      case "ACCESS_TOKEN" -> "The access token has expired";
      case "CSRF_TOKEN" -> "The CSRF token is no longer valid";
      default -> answer.get("on") + " has expired";
    };
    String client = "BROWSER".equals(answer.get("client")) ? "browser" : "script or API client";
    List<String> how = new ArrayList<>();
    String location = header(answer, "Location");
    if (location != null) {
      how.add("redirected to `" + location + "`");
    }
    if (answer.get("problem") instanceof Map<?, ?> problem && problem.get("title") != null) {
      String body = String.valueOf(answer.get("body"));
      how.add((PROBLEM_JSON.equals(body) ? "problem" : "text/html".equals(body) ? "page" : "body")
          + " \"" + problem.get("title") + "\"");
    }
    for (String challenge : List.of("WWW-Authenticate", "Proxy-Authenticate")) {
      String value = header(answer, challenge);
      if (value != null) {
        how.add(challenge + ": `" + value + "`");
      }
    }
    return what + " (" + client + ": " + (how.isEmpty() ? String.valueOf(answer.get("status")) : String.join(", ", how))
        + ")";
  }

  private static void addHeaders(ApiResponse response, List<Map<?, ?>> group) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (Map<?, ?> answer : group) {
      if (answer.get("headers") instanceof List<?> headers) {
        for (Object h : headers) {
          if (h instanceof List<?> pair && pair.size() == 2) {
            values.computeIfAbsent(String.valueOf(pair.get(0)), n -> new LinkedHashMap<>())
                .putIfAbsent(String.valueOf(pair.get(1)), exampleName(answer));
          }
        }
      }
    }
    values.forEach((name, examples) -> {
      if (response.getHeaders() != null && response.getHeaders().keySet().stream().anyMatch(name::equalsIgnoreCase)) {
        return;
      }
      Header header = new Header().schema(new StringSchema()).description(headerDescription(name, examples.keySet()));
      if (examples.size() == 1) {
        header.setExample(examples.keySet().iterator().next());
      } else {
        examples.forEach((value, key) -> header.addExample(key, new Example().value(value)));
      }
      response.addHeaderObject(name, header);
    });
  }

  private static String headerDescription(String name, Iterable<String> values) {
    String description = switch (name.toLowerCase(Locale.ROOT)) {
      case "location" -> "Where the browser is sent";
      case "www-authenticate", "proxy-authenticate" -> "The challenge";
      default -> "Sent with Expiry's answer";
    };
    for (String value : values) {
      if (value.contains("{path}")) {
        return description + "; `{path}` is the path of the request that expired";
      }
    }
    return description;
  }

  private static void addContent(ApiResponse response, List<Map<?, ?>> group, int status, String instance,
      Components components) {
    Map<String, Map<String, Object>> problems = new LinkedHashMap<>();
    boolean html = false;
    for (Map<?, ?> answer : group) {
      String body = String.valueOf(answer.get("body"));
      if (PROBLEM_JSON.equals(body) && answer.get("problem") instanceof Map<?, ?> problem) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.get("type"));
        example.put("title", problem.get("title"));
        example.put("status", status);
        example.put("detail", problem.get("detail"));
        if (instance != null) {
          example.put("instance", instance);
        }
        problems.put(exampleName(answer), example);
      } else if ("text/html".equals(body)) {
        html = true;
      }
    }
    if (!problems.isEmpty() && !hasMediaType(response, PROBLEM_JSON)) {
      MediaType media = new MediaType().schema(problemSchema(components));
      if (problems.size() == 1) {
        media.setExample(problems.values().iterator().next());
      } else {
        problems.forEach((name, example) -> media.addExamples(name, new Example().value(example)));
      }
      content(response).addMediaType(PROBLEM_JSON, media);
    }
    if (html && !hasMediaType(response, "text/html")) {
      content(response).addMediaType("text/html", new MediaType().schema(new StringSchema()
          .description("A page with the problem's title and detail")));
    }
  }

  private static boolean hasMediaType(ApiResponse response, String type) {
    return response.getContent() != null && response.getContent().containsKey(type);
  }

  private static Content content(ApiResponse response) {
    if (response.getContent() == null) {
      response.setContent(new Content());
    }
    return response.getContent();
  }

  /** A reference to the problem schema, registered once; inline where there are no components. */
  private static Schema<?> problemSchema(Components components) {
    if (components == null) {
      return problem();
    }
    if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
      components.addSchemas(PROBLEM_SCHEMA, problem());
    }
    return new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
  }

  /** RFC 9457's problem details object, as Expiry writes it. */
  static Schema<?> problem() {
    return new ObjectSchema()
        .description("Problem details (RFC 9457) of an expired session, access token or CSRF token")
        .addProperty("type", new StringSchema().format("uri-reference")
            .description("Identifies the kind of problem"))
        .addProperty("title", new StringSchema().description("A short summary of the problem"))
        .addProperty("status", new IntegerSchema().description("The HTTP status code"))
        .addProperty("detail", new StringSchema().description("What happened and what the client can do"))
        .addProperty("instance", new StringSchema().format("uri-reference")
            .description("The path of the request that got this answer"))
        .addProperty("login", new StringSchema().format("uri-reference")
            .description("Where to log in again, when the endpoint sends browsers to a login page"
                + " (an extension member, RFC 9457 section 3.2)"));
  }

  private static String exampleName(Map<?, ?> answer) {
    return (answer.get("on") + "-" + answer.get("client")).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String header(Map<?, ?> answer, String name) {
    if (answer.get("headers") instanceof List<?> headers) {
      for (Object h : headers) {
        if (h instanceof List<?> pair && pair.size() == 2 && name.equalsIgnoreCase(String.valueOf(pair.get(0)))) {
          return String.valueOf(pair.get(1));
        }
      }
    }
    return null;
  }

  private static String firstPath(Map<String, Object> operation) {
    if (operation.get("routes") instanceof List<?> routes && !routes.isEmpty()
        && routes.get(0) instanceof Map<?, ?> route && route.get("path") instanceof String path) {
      return path;
    }
    return null;
  }
}
