package dev.expiry.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.expiry.processor.model.PathTemplate;
import dev.expiry.processor.model.PathTemplate.Literal;
import dev.expiry.processor.model.PathTemplate.Variable;
import dev.expiry.processor.read.jaxrs.JaxRsKind;
import dev.expiry.processor.read.spring.SpringMvcKind;
import org.junit.jupiter.api.Test;

/** The one parser of path templates: parts, joining, and when two templates are one. */
class PathTemplateTest {

  private static final PathTemplate.Syntax SPRING = SpringMvcKind.SPRING_MVC.syntax();
  private static final PathTemplate.Syntax JAX_RS = JaxRsKind.JAX_RS.syntax();

  @Test
  void parsesLiteralsAndVariablesWithExpressionsThatHoldBraces() {
    PathTemplate t = PathTemplate.of("orders", "{ id : [0-9]{3} }/lines/{*rest}");
    assertThat(t.text()).isEqualTo("/orders/{ id : [0-9]{3} }/lines/{*rest}");
    assertThat(t.parts()).containsExactly(new Literal("/orders/"), new Variable("id", "[0-9]{3}", false),
        new Literal("/lines/"), new Variable("rest", null, true)).inOrder();
  }

  @Test
  void joinsAsFrameworksJoinClassAndMethodTemplates() {
    assertThat(PathTemplate.of("/api/", "/orders/", "{id}").text()).isEqualTo("/api/orders/{id}");
    assertThat(PathTemplate.of("", "").text()).isEqualTo("/");
    assertThat(PathTemplate.of(" x ", "").text()).isEqualTo("/x");
  }

  @Test
  void anUnclosedBraceIsLiteralText() {
    assertThat(PathTemplate.of("/a{b").parts()).containsExactly(new Literal("/a{b"));
  }

  @Test
  void equivalentTemplatesShareAKey() {
    assertThat(key(JAX_RS, "/o/{id}")).isEqualTo(key(JAX_RS, "/o/{key: [^/]+}/"));
    assertThat(key(JAX_RS, "/o/{id}")).isNotEqualTo(key(JAX_RS, "/o/{id: \\d+}"));
    assertThat(key(SPRING, "/o/{id}")).isEqualTo(key(SPRING, "/o/{key}"));
    assertThat(key(SPRING, "/o/{id}")).isNotEqualTo(key(SPRING, "/o/{id}/"));
    assertThat(key(SPRING, "/docs/{*rest}")).isEqualTo(key(SPRING, "/docs/**"));
    assertThat(key(SPRING, "/o/{id:\\d+}")).isEqualTo(key(SPRING, "/o/{n:\\d+}"));
  }

  private static String key(PathTemplate.Syntax syntax, String template) {
    return PathTemplate.of(template).equivalenceKey(syntax);
  }
}
