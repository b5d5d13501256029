package dev.expiry.tests.spring;

import dev.expiry.ExpiryPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mappings whose match only Spring decides: handler methods on one method and path that differ in
 * a request parameter, a header, the request's media type or the media types the client accepts;
 * a wildcard at the end of a pattern; a composed mapping of the application's own. The policy of
 * the handler Spring picks answers.
 */
@RestController
public class MatchingController {

  @ExpiryPolicy(status = 401, scheme = "ModeXScheme", realm = "reports")
  @GetMapping(path = "/report", params = "mode=x")
  public String reportX() {
    return "report x";
  }

  @ExpiryPolicy(status = 401, scheme = "ReportScheme", realm = "reports")
  @GetMapping("/report")
  public String report() {
    return "report";
  }

  @ExpiryPolicy(status = 401, scheme = "CompactFeedScheme", realm = "feeds")
  @GetMapping(path = "/feed", headers = "X-Feed=compact")
  public String compactFeed() {
    return "compact feed";
  }

  @ExpiryPolicy(status = 401, scheme = "FeedScheme", realm = "feeds")
  @GetMapping("/feed")
  public String feed() {
    return "feed";
  }

  @ExpiryPolicy(status = 401, scheme = "JsonUploadScheme", realm = "uploads")
  @PostMapping(path = "/upload", consumes = "application/json")
  public String uploadJson() {
    return "json upload";
  }

  @ExpiryPolicy(status = 401, scheme = "TextUploadScheme", realm = "uploads")
  @PostMapping(path = "/upload", consumes = "text/plain")
  public String uploadText() {
    return "text upload";
  }

  @ExpiryPolicy(status = 401, scheme = "JsonDocumentScheme", realm = "documents")
  @GetMapping(path = "/document", produces = "application/json")
  public String documentJson() {
    return "{\"document\":1}";
  }

  @ExpiryPolicy(status = 401, scheme = "CsvDocumentScheme", realm = "documents")
  @GetMapping(path = "/document", produces = "text/csv")
  public String documentCsv() {
    return "document,1";
  }

  @ExpiryPolicy(status = 401, scheme = "StarScheme", realm = "paths")
  @GetMapping("/a/*")
  public String star() {
    return "star";
  }

  @ExpiryPolicy(status = 401, scheme = "JsonScheme", realm = "json")
  @GetJson("/x")
  public String json() {
    return "{\"x\":1}";
  }
}
