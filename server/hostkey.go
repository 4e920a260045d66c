package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"clientbase/model"
)

// loadHostKey reads the server's host key from path, creating an ed25519
// key there (mode 0600, its directory 0700) on the first start, so clients
// see the same host on every start after.
func loadHostKey(path string) (gossh.Signer, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		b, err = writeHostKey(path)
	}
	if err != nil {
		return nil, model.Sentencef(err, "server.hostkey_failed", path, err)
	}
	// as sshd: a private key others may read is no secret any more
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, model.Sentencef(fs.ErrPermission, "server.hostkey_open", path, fi.Mode().Perm())
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, model.Sentencef(err, "server.hostkey_bad", path, err)
	}
	return signer, nil
}

// writeHostKey makes a new ed25519 key and writes it as an OpenSSH PEM at
// path; O_EXCL keeps a key another process wrote meanwhile.
func writeHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "clientbase host key")
	if err != nil {
		return nil, err
	}
	b := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	return b, f.Close()
}

// Fingerprint is a public key's SHA256 fingerprint as ssh-keygen -l prints
// it ("SHA256:…"), the form model.UserKey stores.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
