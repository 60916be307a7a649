// Starts Swagger UI on /api/docs. A file of its own because the portal's Content-Security-Policy allows no inline
// script. Only the bundle's base layout is used: the standalone preset's top bar brings an inline <style>, which the
// policy refuses. No validator badge: it would load an image from another site.
window.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('swagger-ui');
    window.ui = SwaggerUIBundle({
        url: root.dataset.url,
        domNode: root,
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
        withCredentials: true
    });
});
