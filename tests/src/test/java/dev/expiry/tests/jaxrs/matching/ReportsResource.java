package dev.expiry.tests.jaxrs.matching;

import dev.expiry.ExpiryPolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * Two methods on each of {@code GET} and {@code POST /reports}: Jersey picks one by the request's
 * {@code Accept} ({@code @Produces}) or {@code Content-Type} ({@code @Consumes}).
 */
@Path("reports")
public class ReportsResource {

  @ExpiryPolicy(status = 401, scheme = "CsvScheme", realm = "reports")
  @GET
  @Produces("text/csv")
  public String csv() {
    return "csv";
  }

  @ExpiryPolicy(status = 401, scheme = "JsonScheme", realm = "reports")
  @GET
  @Produces("application/json")
  public String json() {
    return "{}";
  }

  @ExpiryPolicy(status = 401, scheme = "TextUploadScheme", realm = "reports")
  @POST
  @Consumes("text/plain")
  @Produces("text/plain")
  public String uploadText(String body) {
    return "text upload";
  }

  @ExpiryPolicy(status = 401, scheme = "JsonUploadScheme", realm = "reports")
  @POST
  @Consumes("application/json")
  @Produces("text/plain")
  public String uploadJson(String body) {
    return "json upload";
  }
}
