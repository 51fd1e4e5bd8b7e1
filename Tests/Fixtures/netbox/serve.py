"""A stand-in NetBox for the importer tests: serves the JSON pages beside this file on
127.0.0.1 (an ephemeral port, printed on the first line), with NetBox's token check.

Paths under a few prefixes misbehave on purpose: /slow/ answers after 5 s, /html/ with a
web page, /expired/ with 401, /nothing/ with 404, /plain/ with JSON that is not a NetBox
list. Every request is logged to standard error.
"""
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = sys.argv[1] if len(sys.argv) > 1 else "0123456789abcdef"


class Handler(BaseHTTPRequestHandler):
    def send(self, status, body, kind="application/json"):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("API-Version", "4.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlsplit(self.path)
        path = url.path
        for prefix in ("/slow", "/html", "/expired", "/nothing", "/plain"):
            if path.startswith(prefix + "/"):
                mode, path = prefix, path[len(prefix):]
                break
        else:
            mode = None
        if mode == "/slow":
            time.sleep(5)
        if mode == "/html":
            return self.send(200, "<html><body>Welcome</body></html>", "text/html")
        if mode == "/expired":
            return self.send(401, {"detail": "Token expired"})
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            return self.send(403, {"detail": "Invalid token"})
        if mode == "/nothing" or not path.startswith("/api/"):
            return self.send(404, {"detail": "Not found."})
        if mode == "/plain" and path != "/api/status/":
            return self.send(200, {"hello": "world"})
        stem = path[len("/api/"):].strip("/").replace("/", "_")
        offset = int(parse_qs(url.query).get("offset", ["0"])[0])
        name = os.path.join(HERE, f"{stem}{'.offset-%d' % offset if offset else ''}.json")
        if not os.path.exists(name):
            if stem in ("status",) or offset:
                return self.send(404, {"detail": "Not found."})
            return self.send(200, {"count": 0, "next": None, "previous": None, "results": []})
        with open(name) as f:
            return self.send(200, f.read())

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
if len(sys.argv) > 3:
    # serve.py TOKEN CERT KEY: the same answers over TLS, with that certificate.
    import ssl
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
