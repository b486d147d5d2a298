package export

import "testing"

func TestDetectLanguage(t *testing.T) {
	for title, want := range map[string]string{
		"L'An I de la révolution russe":                             "fr",
		"Les Trotskystes et la question de l'URSS":                  "fr",
		"Histoire du mouvement ouvrier et des syndicats":            "fr",
		"Die Befreiung der Gesellschaft vom Staat":                  "de",
		"Über das Wesen und die Entwicklung":                        "de",
		"Historia de los movimientos y las luchas del proletariado": "es",
		"La revolución de las ideas y del pueblo":                   "es",
		"Memoirs of a Revolutionary":                                "",
		"The Making of a Bolshevik":                                 "",
		"Mémoires de guerre":                                        "", // too little evidence
		"La Vie":                                                    "", // too short
		"Les Misérables and the English reader":                     "", // mixed
		"Why Empires Die":                                           "",
	} {
		if got := detectLanguage(title); got != want {
			t.Errorf("detectLanguage(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestItemLanguage(t *testing.T) {
	if got := itemLanguage("it", "Les Trotskystes et la question de l'URSS"); got != "it" {
		t.Errorf("a stated language must win, got %q", got)
	}
	for lang, want := range map[string]bool{"": true, "en": true, "en-GB": true, "English": true, "fr": false, "de-DE": false} {
		if got := isEnglish(lang); got != want {
			t.Errorf("isEnglish(%q) = %v, want %v", lang, got, want)
		}
	}
	for lang, want := range map[string]string{"fr": "french", "de-DE": "german", "x-klingon": "x-klingon"} {
		if got := languageName(lang); got != want {
			t.Errorf("languageName(%q) = %q, want %q", lang, got, want)
		}
	}
}
