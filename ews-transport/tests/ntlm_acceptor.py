#!/usr/bin/env python3
"""An HTTP server that authenticates NTLM with pyspnego's acceptor (an implementation
independent of ews-auth), for the `ntlm_against_pyspnego` test.

Usage: NTLM_USER_FILE=users python3 ntlm_acceptor.py PORT
(users: one `DOMAIN:USER:PASSWORD` per line). Each connection runs its own handshake; once
it completes, the connection is authenticated and every POST on it gets a 200 whose body
names the client principal.
"""
import base64
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import spnego


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.ctx = None
        self.principal = None

    def log_message(self, fmt, *args):
        sys.stderr.write("ntlm_acceptor: " + (fmt % args) + "\n")

    def _reply(self, status, headers=(), body=b""):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.principal is None:
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("NTLM "):
                self._reply(401, [("WWW-Authenticate", "NTLM")])
                return
            token = base64.b64decode(auth[5:].strip())
            try:
                if self.ctx is None:
                    self.ctx = spnego.server(protocol="ntlm")
                out = self.ctx.step(token)
            except Exception as e:  # a refused AUTHENTICATE message
                self.log_message("refused: %s", e)
                self.ctx = None
                self._reply(401, [("WWW-Authenticate", "NTLM")])
                return
            if not self.ctx.complete:
                value = "NTLM " + base64.b64encode(out or b"").decode()
                self._reply(401, [("WWW-Authenticate", value)])
                return
            self.principal = self.ctx.client_principal
        body = (
            '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">'
            "<s:Body><Principal>%s</Principal></s:Body></s:Envelope>" % self.principal
        ).encode()
        self._reply(200, [("Content-Type", "text/xml; charset=utf-8")], body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
