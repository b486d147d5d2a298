package csljson

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// leniencyTests are inputs other writers produce, with what they mean.
var leniencyTests = []struct {
	name string
	src  string
	want []bib.Item
}{
	{"array", `[{"id": "a", "type": "book", "title": "T"}]`,
		[]bib.Item{{ID: "a", Type: "book", Title: "T"}}},
	{"single object", `{"id": "a", "type": "book"}`,
		[]bib.Item{{ID: "a", Type: "book"}}},
	{"JSON Lines", "{\"id\": \"a\", \"type\": \"book\"}\n{\"id\": \"b\", \"type\": \"chapter\"}\n",
		[]bib.Item{{ID: "a", Type: "book"}, {ID: "b", Type: "chapter"}}},
	{"empty array", `[]`, []bib.Item{}},
	{"numeric id, no id", `[{"id": 12, "type": "book"}, {"type": "book"}]`,
		[]bib.Item{{ID: "12", Type: "book"}, {Type: "book"}}},
	{"numbers as strings", `[{"type": "article-journal", "volume": 31, "issue": 3, "page": 237, "edition": 2, "number-of-volumes": 4}]`,
		[]bib.Item{{Type: "article-journal", Volume: "31", Issue: "3", Page: "237", Edition: "2", NumberOfVols: "4"}}},
	{"unknown type and fields", `[{"type": "blogpost", "title": "T", "abstract": "x", "license": "cc", "foo": {"bar": 1}}]`,
		[]bib.Item{{Type: "document", Title: "T"}}},
	{"type spelling", `[{"type": "Article-Journal"}, {"type": "personal-communication"}, {"type": "paper_conference"}]`,
		[]bib.Item{{Type: "article-journal"}, {Type: "personal_communication"}, {Type: "paper-conference"}}},
	{"date-parts numbers and strings", `[{"type": "book", "issued": {"date-parts": [["1910", "3", 25]]}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1910, 3, 25}}}}}},
	{"date range", `[{"type": "book", "issued": {"date-parts": [[1922], [1927]]}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1922}, {1927}}}}}},
	{"flat date-parts", `[{"type": "book", "issued": {"date-parts": [1937, 4]}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1937, 4}}}}}},
	{"raw date", `[{"type": "book", "issued": {"raw": "1937-04-05"}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1937, 4, 5}}}}}},
	{"raw range", `[{"type": "book", "issued": {"raw": "1922/1927"}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1922}, {1927}}}}}},
	{"literal with a year", `[{"type": "book", "issued": {"literal": "Spring 1921"}, "accessed": {"literal": "c. 1850"}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1921}}},
			Accessed: &bib.Date{DateParts: [][]int{{1850}}, Circa: true}}}},
	{"literal without a year", `[{"type": "book", "issued": {"literal": "forthcoming"}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{Literal: "forthcoming"}}}},
	{"bare string and number dates", `[{"type": "book", "issued": "1921-04", "original-date": 1901}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1921, 4}}},
			OriginalDate: &bib.Date{DateParts: [][]int{{1901}}}}}},
	{"season and circa", `[{"type": "book", "issued": {"date-parts": [[1921]], "season": "2", "circa": 1}}]`,
		[]bib.Item{{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1921}}, Season: 2, Circa: true}}}},
	{"empty date", `[{"type": "book", "issued": {}, "accessed": {"date-parts": [[]]}}]`,
		[]bib.Item{{Type: "book"}}},
	{"names", `[{"type": "book", "author": [{"family": "Ruṣāfī", "given": "Maʿrūf", "non-dropping-particle": "al-"}, {"literal": "UNESCO"}, "Victor Serge", {}], "editor": "Some Committee", "translator": {"family": "Doe"}}]`,
		[]bib.Item{{Type: "book",
			Author:     []bib.Name{{Family: "Ruṣāfī", Given: "Maʿrūf", NonDroppingParticle: "al-"}, {Literal: "UNESCO"}, {Literal: "Victor Serge"}},
			Editor:     []bib.Name{{Literal: "Some Committee"}},
			Translator: []bib.Name{{Family: "Doe"}}}}},
	{"legacy keys and custom", `[{"type": "book", "shortTitle": "S", "journalAbbreviation": "J", "event": "E", "custom": {"ibid": 1}}]`,
		[]bib.Item{{Type: "book", TitleShort: "S", ContainerTitleShort: "J", Event: "E", Custom: map[string]any{"ibid": jsonNumber("1")}}}},
	{"byte-order mark", "\uFEFF[{\"type\": \"book\"}]", []bib.Item{{Type: "book"}}},
	{"empty input", "  \n", nil},
}

func TestParseLenient(t *testing.T) {
	for _, tt := range leniencyTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("t.json", strings.NewReader(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// errorTests pin the exact messages of bad input.
var errorTests = []struct{ name, src, want string }{
	{"syntax", "[\n  {\"type\": \"book\",}\n]", `t.json:2:19: invalid character '}' looking for beginning of object key string`},
	{"truncated", "[\n  {\"type\": \"book\"", `t.json:2:18: unexpected end of JSON input`},
	{"syntax in JSON Lines", "{\"type\": \"book\"}\n{\"type\": bad}", `t.json:2:10: invalid character 'b' looking for beginning of value`},
	{"syntax late in array", "[{\"type\": \"book\"},\n {\"type\": \"book\"}\n {\"type\": \"book\"}]", `t.json:3:2: expected comma after array element`},
	{"missing type", "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\"}\n]", `t.json:3: item "b" has no "type"`},
	{"missing type, no id", "{\"type\": \"book\"}\n{\"title\": \"T\"}", `t.json:2: item has no "type"`},
	{"empty type", `[{"type": ""}]`, `t.json:1: item has no "type"`},
	{"not an object", "[\n  \"book\"\n]", `t.json:2: expected a CSL item (a JSON object), found "book"`},
	{"text after array", "[]\n]", `t.json:2:1: unexpected text after the array of items`},
	{"not JSON", "@book{k, title = {T}}", `t.json:1:1: expected a JSON array or object of CSL items, found '@'`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.json", strings.NewReader(tt.src))
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("got %v (%T), want *Error", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %q\nwant %q", err, tt.want)
			}
		})
	}
}
