package bib

import (
	"strings"
	"testing"
)

// person is a one-author book, the commonest shape.
func person(family, given, title string, year int) *Item {
	it := &Item{Type: "book", Title: title, Author: []Name{{Family: family, Given: given}}}
	if year != 0 {
		it.Issued = &Date{DateParts: [][]int{{year}}}
	}
	return it
}

// with applies changes to a copy of it.
func with(it *Item, change func(*Item)) *Item {
	c := *it
	c.Author = append([]Name(nil), it.Author...)
	change(&c)
	return &c
}

func article(family, title, journal, volume, issue, page string, date ...int) *Item {
	it := &Item{Type: "article-journal", Title: title, ContainerTitle: journal, Volume: volume, Issue: issue, Page: page}
	if family != "" {
		it.Author = []Name{{Family: family}}
	}
	if len(date) > 0 {
		it.Issued = &Date{DateParts: [][]int{date}}
	}
	return it
}

const (
	same      = "same"
	related   = "related"
	different = "different"
)

var memoirs = person("Serge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 1963)

var comparePairs = []struct {
	name string
	a, b *Item
	want string
}{
	// One work, described differently.
	{"identical", memoirs, memoirs, same},
	{"initial for given name", memoirs, person("Serge", "V.", "Memoirs of a Revolutionary, 1901-1941", 1963), same},
	{"OCR noise in title", memoirs, person("Serge", "Victor", "Memoirs of a Revolutlonary, 1901-1941", 1963), same},
	{"OCR noise in family name", memoirs, person("Scrge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 1963), same},
	{"abbreviated title without year", memoirs, person("Serge", "", "Memoirs", 0), same},
	{"subtitle dropped", memoirs, person("Serge", "Victor", "Memoirs of a Revolutionary", 1963), same},
	{"year one apart", memoirs, person("Serge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 1964), same},
	{"accents and case", person("Gérin", "Élise", "Les Écrivains de la Révolution", 1950),
		person("GERIN", "Elise", "Les ecrivains de la revolution", 1950), same},
	{"abbreviated words", person("Carr", "E. H.", "A History of Soviet Russia", 1950),
		person("Carr", "Edward Hallett", "Hist. of Soviet Russia", 1950), same},
	{"two initials against full names", person("Carr", "E.H.", "The Bolshevik Revolution", 1950),
		person("Carr", "Edward Hallett", "The Bolshevik Revolution", 1950), same},
	{"particle", person("Gaulle", "Charles de", "Mémoires de guerre", 1954),
		&Item{Type: "book", Title: "Memoires de guerre", Author: []Name{{Family: "de Gaulle", Given: "C."}}, Issued: &Date{DateParts: [][]int{{1954}}}}, same},
	{"same DOI, different spelling", with(article("Smith", "On Workers", "Labour History", "3", "1", "1-20", 1980), func(it *Item) { it.DOI = "https://doi.org/10.1000/xyz" }),
		with(article("Smyth", "Workers", "Lab. Hist.", "3", "1", "1-20", 1980), func(it *Item) { it.DOI = "10.1000/XYZ" }), same},
	{"journal abbreviated, OCR in family name", article("Smith", "On Workers", "Labour History", "3", "1", "1-20", 1980),
		article("Smyth", "Workers", "Lab. Hist.", "3", "1", "1-20", 1980), same},
	{"short common family names one edit apart", person("Cole", "G.", "Chartist Portraits", 1941), person("Cale", "G.", "Chartist Portraits", 1941), different},
	{"same article, journal abbreviated", article("Haimson", "The Problem of Social Stability in Urban Russia", "Slavic Review", "23", "4", "619-642", 1964),
		article("Haimson", "The Problem of Social Stability in Urban Russia", "Slavic Rev.", "23", "", "619-42", 1964), same},
	{"article cited at one page", article("Haimson", "The Problem of Social Stability", "Slavic Review", "23", "4", "619-642", 1964),
		article("Haimson", "The Problem of Social Stability", "Slavic Review", "23", "4", "625", 1964), same},
	{"institution", &Item{Type: "report", Title: "Annual Report", Author: []Name{{Literal: "International Labour Office"}}, Issued: &Date{DateParts: [][]int{{1925}}}},
		&Item{Type: "report", Title: "Annual report", Author: []Name{{Literal: "International Labour Office"}}, Issued: &Date{DateParts: [][]int{{1925}}}}, same},
	{"editor cited as author", &Item{Type: "book", Title: "Documents of Revolution", Editor: []Name{{Family: "Daniels", Given: "Robert"}}},
		person("Daniels", "R.", "Documents of Revolution", 0), same},
	{"same ISBN", with(memoirs, func(it *Item) { it.ISBN = "0-19-281066-4" }),
		with(person("Serge", "", "Memoirs", 1967), func(it *Item) { it.ISBN = "9780192810663" }), same},

	// Different works by one author.
	{"another book by the author", memoirs, person("Serge", "Victor", "Conquered City", 1975), different},
	{"another book, same first word", person("Serge", "Victor", "Year One of the Russian Revolution", 1972),
		person("Serge", "Victor", "Year Two", 1973), different},
	{"same title, another author", person("Smith", "John", "Collected Works", 1950), person("Jones", "Mary", "Collected Works", 1950), different},
	{"same family, another person", person("Marx", "Karl", "Letters", 1920), person("Marx", "Eleanor", "Letters", 1920), different},

	// Editions, volumes and translations: related.
	{"another edition", with(memoirs, func(it *Item) { it.Edition = "2nd" }), with(memoirs, func(it *Item) { it.Edition = "3" }), related},
	{"reprint decades later", memoirs, person("Serge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 2012), related},
	{"another volume", with(person("Carr", "E. H.", "The Bolshevik Revolution", 1950), func(it *Item) { it.Volume = "1" }),
		with(person("Carr", "E. H.", "The Bolshevik Revolution", 1952), func(it *Item) { it.Volume = "3" }), related},
	{"translation naming its original", with(memoirs, func(it *Item) {
		it.OriginalTitle = "Mémoires d'un révolutionnaire"
		it.Translator = []Name{{Family: "Sedgwick", Given: "Peter"}}
	}), person("Serge", "Victor", "Mémoires d'un révolutionnaire", 1951), related},
	{"translation with a cognate title", with(memoirs, func(it *Item) { it.Translator = []Name{{Family: "Sedgwick", Given: "Peter"}} }),
		person("Serge", "Victor", "Mémoires d'un révolutionnaire, 1901-1941", 1951), related},
	{"two translations", with(memoirs, func(it *Item) { it.Translator = []Name{{Family: "Sedgwick"}} }),
		with(memoirs, func(it *Item) { it.Translator = []Name{{Family: "Greeman"}} }), related},
	{"different DOIs, same title", with(article("Smith", "On Workers", "Labour History", "3", "1", "1-20", 1980), func(it *Item) { it.DOI = "10.1/a" }),
		with(article("Smith", "On Workers", "Labour History", "3", "1", "1-20", 1980), func(it *Item) { it.DOI = "10.1/b" }), related},

	// Articles sharing a title: a column that ran in many issues.
	{"column in another issue", article("", "Letters from Moscow", "La Vie ouvrière", "", "12", "3", 1921, 3, 4),
		article("", "Letters from Moscow", "La Vie ouvrière", "", "13", "3", 1921, 3, 11), different},
	{"column on another date", article("", "Notes of the Week", "The Observer", "", "", "", 1921, 3, 4),
		article("", "Notes of the Week", "The Observer", "", "", "", 1921, 3, 11), different},
	{"column in another year", article("", "Notes of the Week", "The Observer", "", "", "", 1921),
		article("", "Notes of the Week", "The Observer", "", "", "", 1922), different},
	{"same title in another journal", article("Smith", "Introduction", "Past and Present", "1", "", "", 1952),
		article("Smith", "Introduction", "Slavic Review", "1", "", "", 1952), different},
	{"pages that do not overlap", article("Smith", "Review", "Slavic Review", "23", "4", "100-101", 1964),
		article("Smith", "Review", "Slavic Review", "23", "4", "200-202", 1964), different},

	// Readings a bibliographer recognises as one piece.
	{"journal as an acronym", article("Miller", "Meter, Parallelism, and Tropes", "Journal for the Study of the Old Testament", "", "", "99-106", 1984),
		article("Miller", "Meter, parallelism, and tropes", "JSOT", "", "", "99-106", 1984), same},
	{"journal acronym skipping articles", article("Magness", "Dernières nouvelles de Qumrân", "Le Monde de la Bible", "151", "", "14-17", 2003),
		article("Magness", "Dernières nouvelles de Qumrân", "MdB", "151", "", "14-17", 2003), same},
	{"journal abbreviated to its first letters", article("Gordon", "Near East Seals", "Orientalia", "22", "", "242-250", 1953),
		article("Gordon", "Near East Seals", "Or", "22", "", "242-250", 1953), same},
	{"acronym of another journal", article("Miller", "Meter and Tropes", "Journal of Biblical Literature", "", "", "99-106", 1984),
		article("Miller", "Meter and Tropes", "JSOT", "", "", "99-106", 1984), different},
	{"issue with its theme", article("Grallert", "Catch Me If You Can", "Geschichte und Gesellschaft", "47", "1, Digital History", "58-89", 2021),
		article("Grallert", "Catch Me If You Can", "Geschichte und Gesellschaft", "47", "1", "58-89", 2021), same},
	{"issue read as volume", article("Rusafi", "Qatil al-hamjiyya", "al-Muqtataf", "31", "3", "237-238", 1906),
		article("Rusafi", "Qatil al-hamjiyya", "al-Muqtataf", "3", "", "", 1906), same},
	{"number of volumes read as volume", with(article("Stendahl", "Biblical Theology", "Interpreter's Dictionary", "1", "", "418-432", 1962), func(it *Item) { it.NumberOfVols = "4" }),
		article("Stendahl", "Biblical Theology", "Interpreter's Dictionary", "4", "", "418-32", 1962), same},
	{"single page outside the range", article("Ayalon", "From Fitna to Thawra", "Studia Islamica", "66", "", "145-174", 1987),
		article("Ayalon", "From Fitna to Thawra", "Studia Islamica", "66", "", "66", 1987), same},
	{"reprint dated by its original", with(person("Emerson", "Ralph Waldo", "Nature", 1985), func(it *Item) { it.OriginalDate = &Date{DateParts: [][]int{{1836}}} }),
		person("Emerson", "Ralph Waldo", "Nature", 1836), same},
	{"compound family name split differently", with(article("", "Diethylstilbestrol and Media Coverage", "Lost in Thought", "2", "", "65-70", 1999), func(it *Item) { it.Author = []Name{{Family: "Kim Luu", Given: "Diane-Dinh"}} }),
		with(article("Luu", "Diethylstilbestrol and Media Coverage", "Lost in Thought", "2", "", "65-70", 1999), func(it *Item) { it.Author = []Name{{Family: "Luu", Given: "D.-D. Kim"}} }), same},
	{"chapter carrying its book's DOI", with(person("Karaganis", "Joe", "Introduction", 2018), func(it *Item) {
		it.Type, it.ContainerTitle, it.DOI = "chapter", "Shadow Libraries", "10.7551/mitpress/11339"
	}),
		with(person("Karaganis", "Joe", "Shadow Libraries", 2018), func(it *Item) { it.DOI = "10.7551/mitpress/11339" }), different},
	{"two chapters carrying their book's ISBN", with(person("Bodó", "Balázs", "The Genesis of Library Genesis", 2018), func(it *Item) { it.ISBN = "978-0-262-53501-9" }),
		with(person("Gray", "Eve", "Access to Learning Resources", 2018), func(it *Item) { it.ISBN = "9780262535019" }), different},
	{"compound family name, another given name", person("Kim Luu", "Diane", "Diethylstilbestrol", 1999), person("Luu", "Peter Kim", "Diethylstilbestrol", 1999), different},
}

func TestCompare(t *testing.T) {
	for _, tc := range comparePairs {
		t.Run(tc.name, func(t *testing.T) {
			for _, order := range [][2]*Item{{tc.a, tc.b}, {tc.b, tc.a}} {
				v := Compare(order[0], order[1])
				got := different
				switch {
				case v.Same && v.Related:
					t.Fatalf("verdict both same and related: %+v", v)
				case v.Same:
					got = same
				case v.Related:
					got = related
				}
				if got != tc.want {
					t.Errorf("Compare(%q, %q) = %s (%+v), want %s", order[0].Title, order[1].Title, got, v, tc.want)
				}
				if v.Reason == "" || v.Score < 0 || v.Score > 1 {
					t.Errorf("verdict %+v: want a reason and a score in [0,1]", v)
				}
			}
		})
	}
}

// TestBlockKeysCoverSamePairs checks the blocking contract: every pair
// Compare calls the same shares a blocking key, so the store finds it.
func TestBlockKeysCoverSamePairs(t *testing.T) {
	for _, tc := range comparePairs {
		if tc.want != same {
			continue
		}
		ka, kb := BlockKeys(tc.a), BlockKeys(tc.b)
		if !shareKey(ka, kb) {
			t.Errorf("%s: no shared blocking key between %v and %v", tc.name, ka, kb)
		}
	}
}

func shareKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestBlockKeys(t *testing.T) {
	tests := []struct {
		name string
		item *Item
		want []string
	}{
		{"author, year, title", person("Serge", "Victor", "Memoirs of a Revolutionary", 1963),
			[]string{"a:serge", "ay:serge:981", "ay:serge:982", "tt:memoirs revolutionary"}},
		{"year on a bucket edge", person("Serge", "Victor", "Memoirs", 1964), []string{"a:serge", "ay:serge:982", "tt:memoirs"}},
		{"no year", person("de Gaulle", "Charles", "Mémoires de guerre", 0), []string{"a:gaulle", "tt:memoires guerre"}},
		{"identifiers", with(person("Serge", "", "Memoirs", 0), func(it *Item) { it.DOI = "https://doi.org/10.5/ABC"; it.ISBN = "0-19-281066-4" }),
			[]string{"doi:10.5/abc", "isbn:9780192810663", "a:serge", "tt:memoirs"}},
		{"untitled letter", &Item{Type: "personal_communication", ContainerTitle: "Trotsky Papers"}, []string{"ct:trotsky papers"}},
		{"nothing", &Item{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := BlockKeys(tc.item)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("BlockKeys = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTitleSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Memoirs of a Revolutionary", "Memoirs of a Revolutionary", 1, 1},
		{"Memoirs", "Memoirs of a Revolutionary", 0.9, 0.9},
		{"Memoirs of a Revolutlonary", "Memoirs of a Revolutionary", 0.99, 1},
		{"The Case of Comrade Tulayev", "Comrade Tulayev", 0.8, 0.8}, // a shortened title that skips a word
		{"Conquered City", "Memoirs of a Revolutionary", 0, 0.3},
		{"Hist. of Soviet Russia", "A History of Soviet Russia", 0.9, 1},
		{"", "Memoirs", 0, 0},
	}
	for _, tc := range tests {
		got := titleSimilarity(tc.a, tc.b)
		if got < tc.min || got > tc.max {
			t.Errorf("titleSimilarity(%q, %q) = %.3f, want in [%.2f, %.2f]", tc.a, tc.b, got, tc.min, tc.max)
		}
		if back := titleSimilarity(tc.b, tc.a); back != got {
			t.Errorf("titleSimilarity not symmetric for %q, %q: %.3f vs %.3f", tc.a, tc.b, got, back)
		}
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"serge", "serge", true}, {"serge", "scrge", true}, {"serge", "serges", true}, {"serge", "srege", true},
		{"serge", "surgeon", false}, {"serge", "sergei2", false}, {"", "a", true}, {"ab", "ba", true}, {"abc", "cab", false},
	}
	for _, tc := range tests {
		if got := withinOneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPageRange(t *testing.T) {
	tests := []struct {
		in          string
		first, last int
		ok          bool
	}{
		{"619-642", 619, 642, true}, {"619–42", 619, 642, true}, {"71", 71, 71, true}, {"xii", 0, 0, false}, {"1-2-3", 0, 0, false}, {"90-8", 90, 98, true}, {"98-90", 0, 0, false},
	}
	for _, tc := range tests {
		f, l, ok := PageRange(tc.in)
		if ok != tc.ok || (ok && (f != tc.first || l != tc.last)) {
			t.Errorf("PageRange(%q) = %d, %d, %v; want %d, %d, %v", tc.in, f, l, ok, tc.first, tc.last, tc.ok)
		}
	}
}

func FuzzCompare(f *testing.F) {
	for _, tc := range comparePairs {
		f.Add(tc.a.Title, tc.b.Title, tc.a.FirstFamily(), tc.b.FirstFamily(), tc.a.YearOf(), tc.b.YearOf(), tc.a.Page, tc.b.Page)
	}
	f.Fuzz(func(t *testing.T, ta, tb, fa, fb string, ya, yb int, pa, pb string) {
		a := with(person(fa, "", ta, ya), func(it *Item) { it.Page = pa; it.Edition = pa })
		b := with(person(fb, "", tb, yb), func(it *Item) { it.Page = pb; it.ISBN = pb })
		v, w := Compare(a, b), Compare(b, a)
		if v.Same != w.Same || v.Related != w.Related {
			t.Fatalf("Compare not symmetric: %+v vs %+v", v, w)
		}
		if v.Same && v.Related {
			t.Fatalf("both same and related: %+v", v)
		}
		if v.Score < 0 || v.Score > 1 {
			t.Fatalf("score out of range: %+v", v)
		}
		if !Compare(a, a).Same && Fold(ta) != "" && Fold(fa) != "" {
			t.Fatalf("an item is not the same as itself: %+v", Compare(a, a))
		}
		BlockKeys(a)
	})
}

func TestBetterGiven(t *testing.T) {
	for _, tc := range []struct{ dst, src, want string }{
		{"V.", "Victor", "Victor"},
		{"Victor", "Victor L.", "Victor L."},
		{"Victor L.", "Victor", "Victor L."},
		{"D.-D. Kim", "Diane-Dinh", "D.-D. Kim"},
		{"D.-D.", "Diane-Dinh", "Diane-Dinh"},
		{"Karl", "Eleanor", "Karl"},
	} {
		if got := betterGiven(tc.dst, tc.src); got != tc.want {
			t.Errorf("betterGiven(%q, %q) = %q, want %q", tc.dst, tc.src, got, tc.want)
		}
	}
}
