package main

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// tomlDetails returns the string values of the [Details] section of a
// FyneApp.toml.
func tomlDetails(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values := map[string]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "Details" {
			continue
		}
		values[strings.TrimSpace(key)] = strings.Trim(strings.TrimSpace(value), `"`)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return values
}

func TestConstantsMatchFyneAppToml(t *testing.T) {
	d := tomlDetails(t, "../../FyneApp.toml")
	for key, got := range map[string]string{"ID": appID, "Name": appName, "Version": version} {
		if d[key] != got {
			t.Errorf("FyneApp.toml has %s = %q; cmd/tempfit says %q", key, d[key], got)
		}
	}
}
