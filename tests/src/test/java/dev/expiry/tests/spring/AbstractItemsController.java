package dev.expiry.tests.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Handler methods that concrete controllers inherit: Spring maps them once per subclass, under the
 * subclass's own path, and each subclass's policy answers on them.
 */
public abstract class AbstractItemsController {

  /** What the subclass serves, for the response body. */
  protected abstract String kind();

  @GetMapping("/{id}")
  public String item(@PathVariable("id") String id) {
    return kind() + " " + id;
  }
}
