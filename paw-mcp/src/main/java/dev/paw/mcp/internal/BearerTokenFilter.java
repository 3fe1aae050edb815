package dev.paw.mcp.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets a request through only with {@code Authorization: Bearer TOKEN}; answers 401 otherwise. */
final class BearerTokenFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private final byte[] expected;

  BearerTokenFilter(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String given = request.getHeader("Authorization");
    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("text/plain; charset=utf-8");
      response
          .getWriter()
          .write("paw mcp: a bearer token is required (printed when paw mcp started)\n");
      return;
    }
    chain.doFilter(request, response);
  }
}
