"""Real JWTs made with PyJWT and freshly generated RSA keys."""

import functools

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLAIMS = {"jti": "623aa9af-950f-47f7-8bf0-f4d39f42d96c", "license": "9999000000001253"}


@functools.cache
def rsa_key(bits: int):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def signed_key(bits: int = 2048, algorithm: str = "RS512") -> str:
    return jwt.encode(CLAIMS, rsa_key(bits), algorithm=algorithm, headers={"kid": "a337ad17"})
