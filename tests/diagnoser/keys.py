"""Real JWTs for the tests: PyJWT with freshly generated RSA keys, and hand-made broken ones."""

import base64
import functools
import json

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

LICENSE_NUMBER = "9999000000001253"
CLAIMS = {"jti": "623aa9af-950f-47f7-8bf0-f4d39f42d96c", "license": LICENSE_NUMBER}


@functools.cache
def rsa_key(bits: int):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def signed_key(bits: int = 2048, algorithm: str = "RS512", claims: dict | None = None) -> str:
    return jwt.encode(claims or CLAIMS, rsa_key(bits), algorithm=algorithm, headers={"kid": "a337ad17"})


def unsigned_key(claims: dict | None = None) -> str:
    return jwt.encode(claims or CLAIMS, None, algorithm="none")


def hmac_key(claims: dict | None = None) -> str:
    return jwt.encode(claims or CLAIMS, "a-shared-secret-of-32-characters!", algorithm="HS256")


def b64(data: dict | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def hand_made(header: dict | bytes, claims: dict | bytes, signature: bytes = b"") -> str:
    return f"{b64(header)}.{b64(claims)}.{b64(signature) if signature else ''}"


def broken_like_a_pdf(key: str, width: int = 76, separator: str = "\n") -> str:
    """The key cut into lines of `width` characters, as a PDF copy gives it."""
    return separator.join(key[index : index + width] for index in range(0, len(key), width))
