#!/usr/bin/python3
"""Parses an .eml with Python's standard email package and prints its headers, text and
attachments (decoded names, content types, sizes, SHA-256) as JSON.

usage: check_eml.py FILE.eml
"""
import email
import email.policy
import hashlib
import json
import sys

with open(sys.argv[1], "rb") as f:
    raw = f.read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
body = msg.get_body(preferencelist=("plain",))
attachments = []
for part in msg.iter_attachments():
    data = part.get_payload(decode=True)
    attachments.append({
        "filename": part.get_filename(),
        "content_type": part.get_content_type(),
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    })
print(json.dumps({
    "subject": str(msg["subject"]),
    "raw_subject": msg.get("subject").__class__.__name__,
    "to": [str(a) for a in msg.get_all("to", [])],
    "cc": [str(a) for a in msg.get_all("cc", [])],
    "x_unsent": msg.get("x-unsent"),
    "mime_version": msg.get("mime-version"),
    "content_type": msg.get_content_type(),
    "text": body.get_content() if body else None,
    "ascii_only": all(b < 128 for b in raw),
    "attachments": attachments,
    "defects": [str(d) for d in msg.defects],
}, ensure_ascii=False))
