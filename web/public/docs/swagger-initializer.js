// Swagger UI over this Worker's own OpenAPI document; replaces swagger-ui-dist's initializer, which loads the petstore.
window.onload = () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // Not the standalone layout: its top bar's logo carries an inline <style> that the CSP blocks, and its box to
    // explore other documents has nothing to offer here.
    layout: "BaseLayout",
    // No badge from validator.swagger.io: the page must not reach another origin (CSP, air-gapped sites).
    validatorUrl: null,
  });
};
