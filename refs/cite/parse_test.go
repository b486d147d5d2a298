package cite

import (
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// want lists the fields a parse must produce; empty strings are not
// checked unless listed in empty.
type want struct {
	typ        string
	authors    string // "Family, Given; Family2" ("" = not checked)
	editors    string
	translator string
	title      string
	container  string
	publisher  string
	place      string
	year       int
	volume     string
	issue      string
	page       string
	edition    string
	locator    string
	rest       string
	genre      string
	url        string
	doi        string
	series     string
	recipient  string
	archive    string
	archLoc    string
	interview  string
	empty      []string // fields that must stay empty
}

func namesString(ns []bib.Name) string {
	var parts []string
	for _, n := range ns {
		if n.Literal != "" {
			parts = append(parts, n.Literal)
			continue
		}
		fam := strings.TrimSpace(n.NonDroppingParticle + " " + n.Family)
		fam = strings.ReplaceAll(fam, "- ", "-")
		if n.Given != "" {
			fam += ", " + n.Given
		}
		parts = append(parts, fam)
	}
	return strings.Join(parts, "; ")
}

func checkRef(t *testing.T, in string, r Ref, w want) {
	t.Helper()
	it := r.Item
	check := func(field, got, want string) {
		t.Helper()
		if want != "" && got != want {
			t.Errorf("%q\n  %s = %q, want %q", in, field, got, want)
		}
	}
	check("type", it.Type, w.typ)
	check("author", namesString(it.Author), w.authors)
	check("editor", namesString(it.Editor), w.editors)
	check("translator", namesString(it.Translator), w.translator)
	check("title", it.Title, w.title)
	check("container-title", it.ContainerTitle, w.container)
	check("publisher", it.Publisher, w.publisher)
	check("publisher-place", it.PublisherPlace, w.place)
	check("volume", it.Volume, w.volume)
	check("issue", it.Issue, w.issue)
	check("page", it.Page, w.page)
	check("edition", it.Edition, w.edition)
	check("locator", r.Locator, w.locator)
	check("rest", r.Rest, w.rest)
	check("genre", it.Genre, w.genre)
	check("URL", it.URL, w.url)
	check("DOI", it.DOI, w.doi)
	check("collection-title", it.CollectionTitle, w.series)
	check("recipient", namesString(it.Recipient), w.recipient)
	check("archive", it.Archive, w.archive)
	check("archive_location", it.ArchiveLocation, w.archLoc)
	check("interviewer", namesString(it.Interviewer), w.interview)
	if w.year != 0 && it.Issued.Year() != w.year {
		t.Errorf("%q\n  year = %d, want %d", in, it.Issued.Year(), w.year)
	}
	for _, f := range w.empty {
		var v string
		switch f {
		case "author":
			v = namesString(it.Author)
		case "title":
			v = it.Title
		case "container-title":
			v = it.ContainerTitle
		case "publisher":
			v = it.Publisher
		case "locator":
			v = r.Locator
		case "page":
			v = it.Page
		case "rest":
			v = r.Rest
		case "volume":
			v = it.Volume
		case "issue":
			v = it.Issue
		case "collection-title":
			v = it.CollectionTitle
		default:
			t.Fatalf("%q: empty lists %q, which checkRef does not know", in, f)
		}
		if v != "" {
			t.Errorf("%q\n  %s = %q, want empty", in, f, v)
		}
	}
	if !bib.Types[it.Type] {
		t.Errorf("%q: type %q is not a CSL type", in, it.Type)
	}
}

var entryTests = []struct {
	in string
	w  want
}{
	// Chicago bibliography
	{"Le Carré, John. The Quest for Karla. Knopf, 1982.",
		want{typ: "book", authors: "Le Carré, John", title: "The Quest for Karla", publisher: "Knopf", year: 1982}},
	{"Vázques de Parga, Luis, José María Lacarra, and Juan Uría Ríu. Las Peregrinaciones. Iberdrola, 1993.",
		want{authors: "Vázques de Parga, Luis; Lacarra, José María; Ríu, Juan Uría", title: "Las Peregrinaciones", publisher: "Iberdrola"}},
	{"Hanson, Paul D., Kirk Grayson, john J. Collins, and Adela Yarbro Collins. “Apocalypses.” In Anchor Bible Dictionary, 279–92. Doubleday, 1992.",
		want{typ: "chapter", authors: "Hanson, Paul D.; Grayson, Kirk; Collins, john J.; Collins, Adela Yarbro", title: "Apocalypses", container: "Anchor Bible Dictionary"}},
	{"Interview with Mary-Jayne Gold conducted by John Eden, July 1989.",
		want{typ: "interview", authors: "Gold, Mary-Jayne", interview: "Eden, John", year: 1989}},
	{"Interview with Anita Russakova (conducted by Les Smith) Sept. 1989, Leningrad.",
		want{typ: "interview", authors: "Russakova, Anita", interview: "Smith, Les", year: 1989, empty: []string{"title"}}},
	// an unsigned article under its newspaper and city
	{"al-Muqtabas (Damascus). Dīwān al-Ruṣāfī. October 16, 1909.",
		want{typ: "article-newspaper", title: "Dīwān al-Ruṣāfī", container: "al-Muqtabas", place: "Damascus", year: 1909, empty: []string{"author"}}},
	{"Victor Serge (Kibalchich). Memoirs of a Revolutionary. London, 1963.",
		want{authors: "Serge, Victor", empty: []string{"container-title"}}},
	{"Victor Serge (Kibalchich). Memoirs of a Revolutionary. London, June 1963.",
		want{authors: "Serge, Victor", empty: []string{"container-title"}}},
	// the newspaper's name with a subtitle; a name-like newspaper dated to the day
	{"al-Ahrām: Jarīda yawmiyya (al-Qāhira). Akhbār al-madīna. 14. March 3, 1910.",
		want{typ: "article-newspaper", title: "Akhbār al-madīna", container: "al-Ahrām: Jarīda yawmiyya", place: "al-Qāhira", year: 1910, empty: []string{"author"}}},
	{"al-Bashīr (بيروت). Ḥawādith. 3. May 9, 1912, 2.",
		want{typ: "article-newspaper", title: "Ḥawādith", container: "al-Bashīr", place: "بيروت", year: 1912, empty: []string{"author"}}},
	{"al-Ahrām (al-Qāhira). 5120. 88. July 1, 1911.",
		want{typ: "article-newspaper", title: "5120", container: "al-Ahrām", year: 1911}},
	// pages: letter-prefixed, an article number, an open range
	{"Miyagawa, So. “Optical Character Recognition.” Digital Scholarship in the Humanities 34, no. Supplement_1 (2019): i135–i141.",
		want{typ: "article-journal", container: "Digital Scholarship in the Humanities", volume: "34", page: "i135–i141", year: 2019}},
	{"Pasek, Anne. “The Web of Carbon.” Big Data & Society 10, no. 1 (2023): 20539517231158994. https://doi.org/10.1177/20539517231158994.",
		want{typ: "article-journal", container: "Big Data & Society", page: "20539517231158994", year: 2023}},
	{"Pasek, Anne, ‘The Web of Carbon’, Big Data & Society, 10.1 (2023), p. 20539517231158994",
		want{typ: "article-journal", container: "Big Data & Society", page: "20539517231158994", year: 2023}},
	{"Gray, Eve, ‘Access to Learning Resources’, in Shadow Libraries, ed. by Joe Karaganis (The MIT Press, 2018), pp. 107–07",
		want{typ: "chapter", container: "Shadow Libraries", page: "107-", year: 2018}},
	// a journal's bracketed series belongs to its name
	{"Gordon, C. H. (1953). Near east seals. Orientalia (NS), 22, 242–250.",
		want{typ: "article-journal", container: "Orientalia (NS)", volume: "22", page: "242–250"}},
	{"Gordon, Cyrus H. “Near East Seals.” Orientalia (n.s.) 22 (1953): 242–250.",
		want{typ: "article-journal", container: "Orientalia (n.s.)", volume: "22", page: "242–250"}},
	{"Smith, J. “A Note.” Notes and Queries (3rd ser.) 4 (1863): 12–14.",
		want{typ: "article-journal", container: "Notes and Queries (3rd ser.)", volume: "4"}},
	{"Victor Serge (Kibalchich). Memoirs of a Revolutionary. London, 1963.",
		want{empty: []string{"container-title"}}},
	// a name with a bracketed city and a day after a quoted title: an issue, not a publisher
	{"Roe, Anna. “The Code.” Summit of the Information Society (Vienna), June 19, 2015.",
		want{container: "Summit of the Information Society", place: "Vienna", year: 2015, empty: []string{"publisher"}}},
	{"Sneha, P. P. “Mapping.” CIS Papers. The Centre for Internet and Society, 30 December 2016. Accessed May 12, 2023. https://cis-india.org/papers/mapping.",
		want{publisher: "The Centre for Internet and Society", year: 2016}},
	// a site or periodical standing in for the missing author
	{"IEA. “Defining Energy Access.” October 13, 2020. https://www.iea.org/x.",
		want{title: "Defining Energy Access", container: "IEA", year: 2020, empty: []string{"author"}}},
	{"The World’s Writing Systems. “Project.” September 2022. https://www.worldswritingsystems.org/project.html.",
		want{title: "Project", container: "The World’s Writing Systems", empty: []string{"author"}}},
	{"al-Ahrām. Akhbār wa afkār: al-laban. February 1, 1911. https://example.org/x",
		want{title: "Akhbār wa afkār: al-laban", container: "al-Ahrām", year: 1911, empty: []string{"author"}}},
	{"Taisija. Akafist: Tvorenie. May 2002.",
		want{authors: "Taisija", empty: []string{"container-title"}}},
	{"World Health Organization. Global Report. March 2020.",
		want{authors: "World Health Organization", title: "Global Report", empty: []string{"container-title"}}},
	{"Victor Serge. “Letter.” May 12, 1936.",
		want{authors: "Serge, Victor", empty: []string{"container-title"}}},
	// a bracketed span of years ends the title; bracketed volumes do not
	{"Grayson, Albert Kirk. Assyrian Rulers of the Early First Millennium BC (1114–859 BC). Toronto: University of Toronto Press, 1991.",
		want{title: "Assyrian Rulers of the Early First Millennium BC (1114–859 BC)", publisher: "University of Toronto Press", year: 1991}},
	{"Jones, A. (1990). The press in Beirut (1858–1914). Brill.",
		want{title: "The press in Beirut (1858–1914)", publisher: "Brill", year: 1990}},
	{"Singer, I. (Ed.). (1901–1906). The jewish encyclopedia (1–12). Funk & Wagnalls.",
		want{title: "The jewish encyclopedia"}},
	// titles quoting a phrase
	{"Neyrey, J. H. (2002). Spaced out: “Territoriality” in the fourth gospel. Hervormde Teologiese Studies, 58, 632–663.",
		want{typ: "article-journal", title: "Spaced out: “Territoriality” in the fourth gospel", container: "Hervormde Teologiese Studies", volume: "58", page: "632–663"}},
	{"Yee, G. A. (n.d.). “He Will Take the Best of Your Fields”: Royal feasts and rural extraction. In The Bible and Economics. SBL Press.",
		want{title: "“He Will Take the Best of Your Fields”: Royal feasts and rural extraction", container: "The Bible and Economics"}},
	{"Nicolaevsky, Boris, Power and the Soviet Elite: \"The Letter of an Old Bolshevik\" and Other Essays, Praeger, New York, 1965.",
		want{typ: "book", title: "Power and the Soviet Elite: \"The Letter of an Old Bolshevik\" and Other Essays", empty: []string{"container-title"}}},
	{"Atabaki, Touraj, and Solmaz Rustămova-Tohidi. Baku Documents: Union Catalogue of Persian Serials. Tauris Academic Studies, 1995.",
		want{typ: "book", authors: "Atabaki, Touraj; Rustămova-Tohidi, Solmaz", title: "Baku Documents: Union Catalogue of Persian Serials", publisher: "Tauris Academic Studies", year: 1995}},
	{"Alfaifi, Abdullah, and Eric Atwell. “Comparative Evaluation of Tools for Arabic Corpora.” International Journal of Speech Technology 19, no. 2 (2016): 347–357. https://doi.org/10.1007/s10772-015-9285-5.",
		want{typ: "article-journal", authors: "Alfaifi, Abdullah; Atwell, Eric", title: "Comparative Evaluation of Tools for Arabic Corpora", container: "International Journal of Speech Technology", volume: "19", issue: "2", year: 2016, page: "347–357", doi: "10.1007/s10772-015-9285-5"}},
	{"Apuleius. The Golden Ass. Loeb Classical Library. Heinemann; Putnam’s Sons, 1922.",
		want{typ: "book", authors: "Apuleius", title: "The Golden Ass", series: "Loeb Classical Library", publisher: "Heinemann; Putnam’s Sons", year: 1922}},
	{"Aristotle. Poetics. Edited and translated by Stephen Halliwell. n.d.",
		want{authors: "Aristotle", title: "Poetics", editors: "Halliwell, Stephen", translator: "Halliwell, Stephen"}},
	{"Byron, Gay L., and Vanessa Lovelace, eds. Womanist Interpretations of the Bible. Atlanta: SBL Press, 2016.",
		want{typ: "book", editors: "Byron, Gay L.; Lovelace, Vanessa", title: "Womanist Interpretations of the Bible", place: "Atlanta", publisher: "SBL Press", year: 2016, empty: []string{"author"}}},
	{"Aymer, Margaret. “Outrageous, Audacious.” In Womanist Interpretations of the Bible, edited by Gay L. Byron and Vanessa Lovelace, 265–92. Atlanta: SBL Press, 2016.",
		want{typ: "chapter", authors: "Aymer, Margaret", title: "Outrageous, Audacious", container: "Womanist Interpretations of the Bible", editors: "Byron, Gay L.; Lovelace, Vanessa", page: "265–92", place: "Atlanta", publisher: "SBL Press", year: 2016}},
	{"Castro Varela, María do Mar, and Nikita Dhawan. Postkoloniale Theorie. 2nd ed. Cultural Studies 36. Bielefeld: Transcript, 2015.",
		want{authors: "Castro Varela, María do Mar; Dhawan, Nikita", title: "Postkoloniale Theorie", edition: "2", series: "Cultural Studies", place: "Bielefeld", publisher: "Transcript", year: 2015}},
	{"Ruṣāfī, Maʿrūf al-. “Qatīl al-hamjiyya.” Al-Muqtaṭaf, March 1906.",
		want{authors: "al-Ruṣāfī, Maʿrūf", title: "Qatīl al-hamjiyya", container: "Al-Muqtaṭaf", year: 1906, typ: "article-magazine"}},
	{"de la Macorra, Juan. Estudios. Madrid: Alianza, 1980.",
		want{authors: "de la Macorra, Juan", title: "Estudios", place: "Madrid", publisher: "Alianza", year: 1980}},
	{"Associated Press. “Westchester Approves Measure on Gun Safety.” New York Times, June 12, 2000.",
		want{typ: "article-newspaper", authors: "Associated Press", title: "Westchester Approves Measure on Gun Safety", container: "New York Times", year: 2000}},
	{"Schmidt, Nora. “The Privilege to Select.” PhD diss., Lund University, 2020.",
		want{typ: "thesis", authors: "Schmidt, Nora", title: "The Privilege to Select", genre: "PhD diss.", publisher: "Lund University", year: 2020}},
	{"Greeman, Richard. Victor Serge: The Making of a Novelist. Ph.D. dissertation, Columbia University, 1968.",
		want{typ: "thesis", authors: "Greeman, Richard", title: "Victor Serge: The Making of a Novelist", publisher: "Columbia University", year: 1968}},
	{"———. Shadow Libraries. Boston: The MIT Press, 2018.",
		want{title: "Shadow Libraries", place: "Boston", publisher: "The MIT Press", year: 2018, empty: []string{"author"}}},
	// APA
	{"Atabaki, T., & Rustămova-Tohidi, S. (1995). Baku documents: Union catalogue. Tauris Academic Studies.",
		want{authors: "Atabaki, T.; Rustămova-Tohidi, S.", year: 1995, title: "Baku documents: Union catalogue", publisher: "Tauris Academic Studies"}},
	{"Aymer, M. (2016). Outrageous, audacious. In G. L. Byron & V. Lovelace (Eds.), Womanist interpretations of the bible (pp. 265–292). SBL Press.",
		want{typ: "chapter", authors: "Aymer, M.", title: "Outrageous, audacious", editors: "Byron, G. L.; Lovelace, V.", container: "Womanist interpretations of the bible", page: "265–292", publisher: "SBL Press", year: 2016}},
	{"Truehart, C. (1996). Welcome to the next church. Atlantic Monthly, 278(2), 37–58.",
		want{typ: "article-journal", container: "Atlantic Monthly", volume: "278", issue: "2", page: "37–58", year: 1996}},
	// IEEE, MLA, MHRA
	{"[2] S. Kirmizialtin and D. Wrisley, “Automated Transcription of Periodicals,” Digital Humanities Quarterly, vol. 16, no. 2, 2022.",
		want{typ: "article-journal", authors: "Kirmizialtin, S.; Wrisley, D.", title: "Automated Transcription of Periodicals", container: "Digital Humanities Quarterly", volume: "16", issue: "2", year: 2022}},
	{"[3] L. G. Perdue, Ed., The Blackwell Companion to the Hebrew Bible. Oxford: Blackwell, 2001.",
		want{editors: "Perdue, L. G.", title: "The Blackwell Companion to the Hebrew Bible", place: "Oxford", publisher: "Blackwell", year: 2001, empty: []string{"author"}}},
	{"[6] Philo, Questions on Genesis. in Loeb Classical Library. Cambridge: Harvard University Press, 1953.",
		want{authors: "Philo", title: "Questions on Genesis", series: "Loeb Classical Library", publisher: "Harvard University Press", year: 1953}},
	{"Bundy, McGeorge. Interview by Robert MacNeil. MacNeil/Lehrer NewsHour, 7 Feb. 1990.",
		want{typ: "interview", authors: "Bundy, McGeorge", interview: "MacNeil, Robert", year: 1990}},
	{"Alfaifi, Abdullah, and Eric Atwell, ‘Comparative Evaluation of Tools’, International Journal of Speech Technology, 19.2 (2016), pp. 347–57, doi:10.1007/s10772-015-9285-5",
		want{authors: "Alfaifi, Abdullah; Atwell, Eric", title: "Comparative Evaluation of Tools", container: "International Journal of Speech Technology", volume: "19", issue: "2", year: 2016, page: "347–57", doi: "10.1007/s10772-015-9285-5"}},
	// Markdown emphasis
	{"Ausloos, H. (2015). *The deuteronomist’s history*. Brill.",
		want{authors: "Ausloos, H.", title: "The deuteronomist’s history", publisher: "Brill", year: 2015}},
	// typewritten thesis bibliography
	{"1. Contre la faim, Paris, Ed. du journal l'Anarchie, 1911.",
		want{title: "Contre la faim", place: "Paris", year: 1911, empty: []string{"author"}}},
	{"10. Vie des revolutionnaires, Librairie du Travail, Paris, 1930.",
		want{title: "Vie des revolutionnaires", publisher: "Librairie du Travail", place: "Paris", year: 1930}},
	{"Daniels, R. V., The Conscience of the Revolution, Harvard University Press, Cambridge, 1960.",
		want{authors: "Daniels, R. V.", title: "The Conscience of the Revolution", publisher: "Harvard University Press", place: "Cambridge", year: 1960}},
	{"\"Esbozo Critico sobre Nietzsche,\" in Casa del Tiempo, Vol. I, No. 3, Noviembre de 1980.",
		want{title: "Esbozo Critico sobre Nietzsche", container: "Casa del Tiempo", volume: "I", issue: "3", year: 1980}},
	{"Dwight and Nancy Macdonald, 1939-1947, MacDonald Papers, Sterling Library, Yale University.",
		want{year: 1939}},
	// a series number before a bracketed publication block is no page
	{"Hale, Mara, ‘Tides’, in Harbour Essays, ed. by Jon Marsh, Harbour Studies, 85 (Lantern Press, 2016), pp. 187–264",
		want{typ: "chapter", container: "Harbour Essays", publisher: "Lantern Press", year: 2016, page: "187–264"}},
	// APA article without a volume: the pages alone mark the journal
	{"Hale, M. (1984). Tides of the firth. Harbour Review, 99–106. https://doi.org/10.1/x",
		want{typ: "article-journal", title: "Tides of the firth", container: "Harbour Review", page: "99–106", year: 1984}},
	// a list of names beyond the first closes with a conjunction
	{"Hale, Mara, Harbour Etymological Dictionary (Mouton, 1984–)",
		want{authors: "Hale, Mara", title: "Harbour Etymological Dictionary", publisher: "Mouton", year: 1984}},
	{"Hale, Mara, and Jon Marsh, Trajectories Through Early Harbours (Fortress, 1971)",
		want{authors: "Hale, Mara; Marsh, Jon", title: "Trajectories Through Early Harbours", publisher: "Fortress", year: 1971}},
	{"Hale, Mara, Jon Marsh, 1995, Tides of the firth, Harbour Review 14: 1–2",
		want{authors: "Hale, Mara; Marsh, Jon", year: 1995}},
	// Chicago author-date: the year follows the names
	{"Brandt, Helga. 1998. Lesen am Hafen: Eine Sozialgeschichte. Hamburg: Hafen Verlag.",
		want{authors: "Brandt, Helga", year: 1998, title: "Lesen am Hafen: Eine Sozialgeschichte", place: "Hamburg", publisher: "Hafen Verlag"}},
	{"Brandt, Helga. 1998a. Lesen am Hafen. Hamburg: Hafen Verlag.",
		want{authors: "Brandt, Helga", year: 1998, title: "Lesen am Hafen"}},
	{"Brandt, Helga, and Jon Marsh. 2001. “Ships of Sand.” Harbour Review 12 (3): 45–67.",
		want{typ: "article-journal", authors: "Brandt, Helga; Marsh, Jon", year: 2001, title: "Ships of Sand", container: "Harbour Review", volume: "12", issue: "3", page: "45–67"}},
	{"Brandt, H. (1998). Lesen am Hafen. Hafen Verlag.",
		want{authors: "Brandt, H.", year: 1998, title: "Lesen am Hafen", publisher: "Hafen Verlag"}},
	// an inverted list whose last given names end with an initial before the title
	{"Hale, M., and Marsh, J. Tides of the firth. Harbour Press, 1995.",
		want{authors: "Hale, M.; Marsh, J.", title: "Tides of the firth", publisher: "Harbour Press", year: 1995}},
	{"Hale, M., Marsh, J., and Ward, K. Tides of the firth. Harbour Press, 1995.",
		want{authors: "Hale, M.; Marsh, J.; Ward, K.", title: "Tides of the firth"}},
	{"Hale, M. and Marsh, J. 1978. Tides of the firth. Harbour Press.",
		want{authors: "Hale, M.; Marsh, J.", title: "Tides of the firth", year: 1978}},
	{"Hale, M. A., & Marsh, J. K. 1986. Tides of the firth. Harbour Review 12(3) 175-204",
		want{authors: "Hale, M. A.; Marsh, J. K.", title: "Tides of the firth", year: 1986}},
	// a conference's city and state after its proceedings are the place
	{"M. Hale. Tides of data. In Proceedings of the 6th Harbour Computing Conference, Portland, OR, April 1991.",
		want{container: "Proceedings of the 6th Harbour Computing Conference", place: "Portland, OR", year: 1991}},
	{"M. Hale, \"Tides\", in the Proceedings of the 13th Harbour Workshop, Seattle, WA., July 1994.",
		want{container: "the Proceedings of the 13th Harbour Workshop", place: "Seattle, WA.", year: 1994}},
	// a journal's volume, issue and pages written compactly after its name
	{"Hale, Mara. “Tides.” Harbour Papers 24 (1996): 197–214.",
		want{typ: "article-journal", container: "Harbour Papers", volume: "24", page: "197–214", year: 1996}},
	{"Hale, Mara. Review of Tides. Harbour Studies 42 (1999): 358-60.",
		want{typ: "article-journal", container: "Harbour Studies", volume: "42", page: "358-60", year: 1999}},
	{"Hale, M. 1951. Fungi of the firth. Harbour Botany 4 (1): 1-4",
		want{container: "Harbour Botany", volume: "4", issue: "1", page: "1-4", year: 1951}},
	{"Hale, M. 1986. Tides of discourse. Harbour Linguistics 12(3) 175-204",
		want{container: "Harbour Linguistics", volume: "12", issue: "3", page: "175-204"}},
	{"Hale, M. 1995. Tidal words. Communications of the Harbour 38 39-41",
		want{container: "Communications of the Harbour", volume: "38", page: "39-41"}},
	{"Hale, Mara, ‘Tides’, Word & Harbour XIV:4 (1994), 409-418.",
		want{container: "Word & Harbour", volume: "XIV", issue: "4", page: "409-418"}},
	{"M. Hale, Tides of data, Harbour Systems 20(2), pp. 155-183 (1995).",
		want{title: "Tides of data", container: "Harbour Systems", volume: "20", issue: "2", page: "155-183"}},
	// "in:" before the book's editors is no Indiana
	{"Hale, M., Tides as Failure, in: J. Marsh and K. Ward (eds.), Harbours and Data, Lantern Press, New York, 1978.",
		want{title: "Tides as Failure", editors: "Marsh, J.; Ward, K.", container: "Harbours and Data", publisher: "Lantern Press", place: "New York"}},
	// a city with its state or country written out, or "D. C."
	{"Hale, Mara. Tides. Englewood Cliffs, New Jersey: Lantern Press, 1983.",
		want{place: "Englewood Cliffs, New Jersey", publisher: "Lantern Press"}},
	{"M. Hale. Tides. In Proceedings of the Harbour Conference, pages 1-9, Washington, D. C., 1993.",
		want{place: "Washington, D. C.", year: 1993}},
	{"M. Hale, \"Tides\", Proceedings of the 21st Harbour Conference, Zurich, Switzerland, 1995.",
		want{container: "Proceedings of the 21st Harbour Conference", place: "Zurich, Switzerland"}},
	// a publisher and its city that shares a state's name
	{"Hale, Mara, Tides, Pathfinder Press, New York, 1970.",
		want{publisher: "Pathfinder Press", place: "New York"}},
	// a series is a sentence of its own or has a series cue; a sentence
	// that describes the edition and a comma part before the publisher
	// are no series
	{"Hale, Mara. Harbour Connections. Reframing Media, Technology, and Culture in Harbours. Halifax: Lantern Press, 2020.",
		want{title: "Harbour Connections", series: "Reframing Media, Technology, and Culture in Harbours", publisher: "Lantern Press"}},
	{"Hale, Mara. Harbours We Live By. With a new afterword. Chicago: Lantern Press, 2003.",
		want{title: "Harbours We Live By", series: "", publisher: "Lantern Press", empty: []string{"collection-title"}}},
	{"Hale, Mara, L'Assassinat du port, Wullens and Rosmer, Editions Pierre Lantern, Paris, 1938.",
		want{empty: []string{"collection-title"}}},
	// a comma-separated title ends before the publisher, the proceedings,
	// a report's number
	{"K. Hale and J. Marsh, Tidal Program Design: A Foundation, Addison-Wesley, 1988.",
		want{title: "Tidal Program Design: A Foundation", publisher: "Addison-Wesley", year: 1988}},
	{"M. Hale, Tides of Registers, Proc. Fourth International Conf. on Harbours, pp. 122-131.",
		want{title: "Tides of Registers", container: "Proc. Fourth International Conf. on Harbours", page: "122-131"}},
	{"Hale, M. Sketch of the Firth, Tech Report #296, Harbour Labs, 1963.",
		want{title: "Sketch of the Firth", genre: "Tech Report", year: 1963}},
	// a name its author writes in lower case
	{"hooks, bell. Yearning: Race and Harbours. South End, 1990.", want{authors: "hooks, bell", title: "Yearning: Race and Harbours"}},
	// APA: the sentence after an unquoted title, before the imprint, is its subtitle
	{"Hale, M. (2001). The tidal heart. An eightfold path to the harbour. New York: Lantern Press.",
		want{title: "The tidal heart. An eightfold path to the harbour", publisher: "Lantern Press", year: 2001}},
	// author-date with the year after the names and no stop between
	{"Hale, Mara 2002. Tides of the firth. Halifax: Lantern Press.",
		want{authors: "Hale, Mara", title: "Tides of the firth", year: 2002}},
	{"Hale, Mara L. and Jon R. Marsh 2013 Building Mound A at the Firth. Harbour Review 28:66–86.",
		want{authors: "Hale, Mara L.; Marsh, Jon R.", title: "Building Mound A at the Firth", year: 2013}},
	{"Hale, Mara Jayne, Crossroads Harbour 1940, New York, Lantern Press, 1980.",
		want{authors: "Hale, Mara Jayne", title: "Crossroads Harbour 1940", year: 1980}},
	// semicolons between inverted names; the last initials before the title
	{"Hale, T.J.; Marsh, J.R.; Ward, H.A. Tides: An overview. Harb. Rev. 2012, 70, 520–533",
		want{authors: "Hale, T.J.; Marsh, J.R.; Ward, H.A.", title: "Tides: An overview"}},
	// Vancouver: names as "Family INITIALS", the last before the title's stop;
	// the journal, its year, volume and pages
	{"Hale M, Marsh J. Tides of the firth. Harb Rev 2012; 30: 1750-4.",
		want{authors: "Hale, M; Marsh, J", title: "Tides of the firth", container: "Harb Rev", volume: "30", page: "1750-4", year: 2012}},
	{"Hale M, Marsh JK. Tides of the firth. Harb Rev 2012;30(4):1750-4.",
		want{container: "Harb Rev", volume: "30", issue: "4", page: "1750-4", year: 2012}},
	// a lone word after an inverted name is no co-author, even before a year
	{"Hale, Mara, Tides, Paris, 1932, reprinted by Wake Press, 1978.", want{authors: "Hale, Mara", title: "Tides", year: 1932}},
	// a reprint: the year right after the title is the original date
	{"Hale, Mara. Tides. 1836; Lantern, 1985.", want{title: "Tides", publisher: "Lantern", year: 1985}},
	{"Hale, Mara. Tides. 1836. Lantern, 1985.", want{title: "Tides", publisher: "Lantern", year: 1985}},
	{"Hale, Mara, Tides, Ed. de la Librairie Lantern, Paris, 1932, reprinted by Wake in 1978.", want{year: 1932}},
	{"Hale, Mara. Tides. Paris, 1932; Wake Press, 1978.", want{year: 1932}},
	// a segment naming a journal, followed by its date alone, is the journal
	{"M. Hale and J. Marsh. Tides of the firth. Harbour Engineering Bulletin, September 1996.",
		want{typ: "article-journal", container: "Harbour Engineering Bulletin", year: 1996, empty: []string{"publisher"}}},
	{"Hale, Mara. Tides of the firth. Journal of Harbour Systems, 1995.",
		want{container: "Journal of Harbour Systems", year: 1995, empty: []string{"publisher"}}},
	// a conference's acronym in brackets belongs to its proceedings' name
	{"M. Hale. Tides. In Proceedings of the Sixth Conference on Harbour Systems (HARBS-VI), pp. 1-9, 1994.",
		want{container: "Proceedings of the Sixth Conference on Harbour Systems (HARBS-VI)", page: "1-9", year: 1994}},
	// TeX quotes
	{"M. Hale and J. Marsh, ``Tides of the firth,'' Harbour Review, vol. 7, no. 3, pp. 305-317, Jul. 1977.",
		want{authors: "Hale, M.; Marsh, J.", title: "Tides of the firth", container: "Harbour Review", volume: "7", issue: "3", page: "305-317", year: 1977}},
	{"M. Hale, The ` mark, Lantern Press, 1977.",
		want{authors: "Hale, M.", year: 1977}},
	// an inverted name, then a title of capitalised words: the names end
	// where a title must begin (thesis-style "Family, Given, Title, Place")
	{"Hale, Mara, Tidal Portraits, London, Jonathan Wake, 1921.",
		want{authors: "Hale, Mara", title: "Tidal Portraits"}},
	{"Hale, Mara, Harbour Peasants and Coastal Power, London, 1968.",
		want{authors: "Hale, Mara", title: "Harbour Peasants and Coastal Power", place: "London", year: 1968}},
	{"Hale, Mara, Marxism and Harbour Criticism, Lantern Press, London, 1976.",
		want{authors: "Hale, Mara", title: "Marxism and Harbour Criticism"}},
	{"Hale, Valentin, and Marsh, Julian, Harbour Life, New York, Lantern, 1952.",
		want{authors: "Hale, Valentin; Marsh, Julian", title: "Harbour Life"}},
	{"Hale, Mara, Jon Marsh, Kay Ward, Lee Moore. Tides in Two Parts. Harbour Review 3 (2001): 1-9.",
		want{authors: "Hale, Mara; Marsh, Jon; Ward, Kay; Moore, Lee", title: "Tides in Two Parts"}},
	{"Hale, Mara, Jon Marsh, Kay Ward, et al. Tides in Two Parts. Halifax, 2023.",
		want{authors: "Hale, Mara; Marsh, Jon; Ward, Kay", title: "Tides in Two Parts"}},
	// "ed." after the title names the editor; the publisher follows
	{"Hale, Mara, Selections from the Harbour Notebooks, ed. Jon Marsh, London, Lantern & Wake, 1971.",
		want{authors: "Hale, Mara", editors: "Marsh, Jon", title: "Selections from the Harbour Notebooks", place: "London", publisher: "Lantern & Wake", year: 1971}},
	// editors named before a bracketed role after "In:"; an acronym in brackets inside a title
	{"Hale, Mara (2001): Tides. In: Jon D. Marsh, K. L. Kay Ward (Hrsg.): Harbour Studies (2. Aufl., S. 83–109). Halifax: Lantern Press",
		want{editors: "Marsh, Jon D.; Ward, K. L. Kay", container: "Harbour Studies"}},
	{"Hale, M. (2004) The use of tidal process recall (TPR) in harbour supervision. In K. Marsh & M. Ward (Eds.) Harbour Practice. Halifax: Lantern Press.",
		want{title: "The use of tidal process recall (TPR) in harbour supervision", editors: "Marsh, K.; Ward, M."}},
	// editors listed with commas and a closing "and"
	{"Hale, Mara. “Tides.” In Harbour Essays, edited by Jon Marsh, Kay Ward, and Lee Moore. Halifax: Lantern Press, 1991, 281–98.",
		want{typ: "chapter", editors: "Marsh, Jon; Ward, Kay; Moore, Lee", container: "Harbour Essays", publisher: "Lantern Press"}},
	{"Hale, Mara. 2002. Tides. In Harbour Essays, eds. Jon Marsh, Kay Ward, and Dick de Ridder, 378-389.",
		want{editors: "Marsh, Jon; Ward, Kay; de Ridder, Dick", container: "Harbour Essays", page: "378-389"}},
	// names in direct order, each led by initials, listed with commas only
	{"R. Hale, C. Marsh, C. Ward, Tides of the Firth, Harbour Press, 1989.",
		want{authors: "Hale, R.; Marsh, C.; Ward, C.", title: "Tides of the Firth"}},
	{"E. Hale, J. Opt. Soc. Am. 72, 899 (1982).",
		want{authors: "Hale, E."}},
	{"J. L. Hale, Harbour Days, Lantern Press, 1989.",
		want{authors: "Hale, J. L.", title: "Harbour Days"}},
	// a paper in a conference's proceedings
	{"Hale, M. The theory of tides. Proceedings of the 15th Annual Symposium on Harbour Engineering (1988), 180-190.",
		want{typ: "paper-conference", container: "Proceedings of the 15th Annual Symposium on Harbour Engineering", page: "180-190", year: 1988, empty: []string{"publisher"}}},
	{"M. Hale, \"Tidal Data in Warehouses\", Proceedings of the 21st Harbour Conference, Zurich, 1995.",
		want{typ: "paper-conference", container: "Proceedings of the 21st Harbour Conference", year: 1995, empty: []string{"publisher"}}},
	// a thesis's institution with its department; its city is the place
	{"Hale, Mara (1990). Tides and Reason. PhD thesis, Department of Marine Science, University of Harbourtown, Halifax, 1990.",
		want{typ: "thesis", publisher: "Department of Marine Science, University of Harbourtown", year: 1990}},
	{"Hale, Mara. Tides and Reason. D.Phil thesis, Wolfson College, Oxford University, 1988.",
		want{typ: "thesis", publisher: "Wolfson College, Oxford University", year: 1988}},
	{"Hale, Mara. Tides and Reason. PhD diss., Lund University, Harbour Studies in Arts, 2020.",
		want{typ: "thesis", publisher: "Lund University", year: 2020}},
	// science styles: an unquoted title, then the journal, its volume and the pages
	{"M. Hale. Tides of the outer firth. Harbour Dynamics, 50 363-396, 1984.",
		want{typ: "article-journal", title: "Tides of the outer firth", container: "Harbour Dynamics", volume: "50", page: "363-396", year: 1984}},
	{"Hale, M., Tidal Recursion in Narrow Firths, J. Harbour Logic, 27, 259-316 (1962).",
		want{typ: "article-journal", title: "Tidal Recursion in Narrow Firths", container: "J. Harbour Logic", volume: "27", page: "259-316", year: 1962}},
	{"Hale, M., Sand Transport by Slow Currents, J. Approx. Theory 72 (1993), 2-23.",
		want{title: "Sand Transport by Slow Currents", container: "J. Approx. Theory", volume: "72", page: "2-23", year: 1993}},
	{"M. Hale and J. Marsh. Ebb and Flood Asymmetry. Harbour Research 36, 3 (1988), 454-469.",
		want{title: "Ebb and Flood Asymmetry", container: "Harbour Research", volume: "36", issue: "3", page: "454-469", year: 1988}},
	{"Hale, M. (1952). A method for mooring. Proceedings of the Institute of Harbour Engineers 40, 1098-1101.",
		want{typ: "article-journal", container: "Proceedings of the Institute of Harbour Engineers", volume: "40", page: "1098-1101", year: 1952, empty: []string{"publisher"}}},
	// a bare number after the year with no pages after it is a page, no issue
	{"[8] M. Hale and J. Marsh, Harb. Phys. 55, 644 (2007).",
		want{empty: []string{"issue"}}},
	// a book's volume is followed by no pages: the title keeps its comma parts
	{"Hale, Mara, A History of the Harbour, The Early Years, 3, Lantern Press, 1950.",
		want{title: "A History of the Harbour, The Early Years", empty: []string{"container-title"}}},
	// web
	{"Goodacre, Mark. “Jesus’ Wife Fragment: Another Round-Up.” May 9, 2014. http://ntweblog.blogspot.com. Accessed June 1, 2020.",
		want{typ: "webpage", title: "Jesus’ Wife Fragment: Another Round-Up", url: "http://ntweblog.blogspot.com", year: 2014}},
}

func TestParseEntry(t *testing.T) {
	for _, tc := range entryTests {
		checkRef(t, tc.in, Parse(tc.in, Entry), tc.w)
	}
}

var noteTests = []struct {
	in string
	w  want
}{
	{"Serge, Memoirs, p. 71", want{authors: "Serge", title: "Memoirs", locator: "p. 71"}},
	{"Memoirs, p. 108", want{title: "Memoirs", locator: "p. 108", empty: []string{"author"}}},
	{"Year One, pps. 63-4", want{title: "Year One", locator: "pps. 63-4"}},
	{"E. H. Carr, The Bolshevik Revolution, Vol. 1, pp. 287-289", want{authors: "Carr, E. H.", title: "The Bolshevik Revolution", volume: "1", locator: "pp. 287-289"}},
	{"Serge, Portrait de Staline, Editions Bernard Grasset, Paris, 1940, pp. 57-58",
		want{authors: "Serge", title: "Portrait de Staline", publisher: "Editions Bernard Grasset", place: "Paris", year: 1940, locator: "pp. 57-58"}},
	{"David M. Berry and Anders Fagerjord, Digital Humanities: Knowledge and Critique (Polity, 2017), 356.",
		want{authors: "Berry, David M.; Fagerjord, Anders", title: "Digital Humanities: Knowledge and Critique", publisher: "Polity", year: 2017, locator: "356"}},
	{"Andrew J. Torget and Jon Christensen, “Building New Windows,” Journal of Digital Humanities 1, no. 3 (2012): 3, http://example.org/a",
		want{typ: "article-journal", title: "Building New Windows", container: "Journal of Digital Humanities", volume: "1", issue: "3", year: 2012, locator: "3", url: "http://example.org/a"}},
	{"Apuleius, The Golden Ass (Heinemann, 1922), 45, whose reading is followed here.",
		want{authors: "Apuleius", title: "The Golden Ass", locator: "45", rest: "whose reading is followed here"}},
	{"Leon Trotsky, The Revolution Betrayed (New York: Pathfinder, 1972), 112. First French edition published in 1937.",
		want{title: "The Revolution Betrayed", place: "New York", publisher: "Pathfinder", year: 1972, locator: "112", rest: "First French edition published in 1937"}},
	{"Gary Westfahl, “The True Frontier,” in Space and Beyond, ed. Gary Westfahl (Westport, CT: Greenwood Press, 2000), 57.",
		want{typ: "chapter", title: "The True Frontier", container: "Space and Beyond", editors: "Westfahl, Gary", place: "Westport, CT", publisher: "Greenwood Press", year: 2000, locator: "57"}},
	{"Till Grallert, ‘Catch Me If You Can!’, Geschichte und Gesellschaft, 47.1 (2021), pp. 58–89 (p. 68).",
		want{title: "Catch Me If You Can!", container: "Geschichte und Gesellschaft", volume: "47", issue: "1", page: "58–89", locator: "p. 68"}},
	{"Rhian Ellis, „Squatters’ rights“, Ward Six (blog), 30. Juni 2008, 29, http://wardsix.blogspot.com/2008/06/squatters.html.",
		want{typ: "post-weblog", title: "Squatters’ rights", container: "Ward Six", year: 2008, locator: "29"}},
	{"Serge to Sedov, 12 May 1936", want{typ: "personal_communication", authors: "Serge", recipient: "Sedov", year: 1936}},
	{"Letter from Victor Serge to Dwight Macdonald, 3 March 1941, Macdonald Papers, Sterling Library, Yale University",
		want{typ: "personal_communication", authors: "Serge, Victor", recipient: "Macdonald, Dwight", year: 1941}},
	{"Interview with Vlady Kibalchich, Mexico City, 1987", want{typ: "interview", authors: "Kibalchich, Vlady", year: 1987}},
	{"Serge to Sedov, 20 May 1936, Nicolaevsky Collection, Box 3, Folder 12, Hoover Institution",
		want{typ: "personal_communication", archLoc: "Box 3, Folder 12"}},
	{"Maʿrūf al-Ruṣāfī, « Qatīl al-hamjiyya », Al-Muqtaṭaf (al-Qāhira, mars 1906), 238.",
		want{authors: "al-Ruṣāfī, Maʿrūf", title: "Qatīl al-hamjiyya", container: "Al-Muqtaṭaf", year: 1906, locator: "238"}},
	{"Victor Serge, letter to Jacques Mesnil", want{typ: "personal_communication", authors: "Serge, Victor", recipient: "Mesnil, Jacques"}},
	{"George Orwell to Dwight MacDonald, 4.4.45", want{typ: "personal_communication", authors: "Orwell, George", recipient: "MacDonald, Dwight", year: 1945}},
	{"Taped interview with Vlady Kibalchich, Moscow, March 1989", want{typ: "interview", authors: "Kibalchich, Vlady", place: "Moscow", year: 1989}},
	{"Stalin, Sochineniia, XI, p. 287", want{title: "Sochineniia", volume: "XI", locator: "p. 287"}},
	{"Brockelmann, Lexicon syriacum, S. 112–114", want{title: "Lexicon syriacum", locator: "S. 112–114"}},
	{"Nove, An Economic History of the USSR, ch. 8", want{title: "An Economic History of the USSR", locator: "ch. 8"}},
	// publishers whose names hold a comma
	{"Hale, Tides (Boston: Little, Brown, and Company, 1950), 3",
		want{title: "Tides", place: "Boston", publisher: "Little, Brown, and Company", year: 1950, locator: "3"}},
	{"Hale, Tides (New York: Farrar, Straus and Giroux, 1950), 3",
		want{title: "Tides", place: "New York", publisher: "Farrar, Straus and Giroux", year: 1950, locator: "3"}},
	// a named series before the publication block is no part of the title
	{"Apuleius, The Harbour Ass, Loeb Classical Library (Heinemann, 1922), 45",
		want{authors: "Apuleius", title: "The Harbour Ass", series: "Loeb Classical Library", publisher: "Heinemann", year: 1922, locator: "45"}},
	{"Mara Hale, Tides and Trade, 1911-1914, Studia Maritima Monographica (Leith: Lantern Press, 2017), 130",
		want{title: "Tides and Trade, 1911-1914", series: "Studia Maritima Monographica", year: 2017, locator: "130"}},
	{"Mara Hale, War, Peace and Revolution (Lantern Press, 2017), 130",
		want{title: "War, Peace and Revolution", year: 2017, locator: "130"}},
	// a number before a bracketed year is a volume, no pinpoint
	{"Mara Hale, ‘Tides of the Firth’, Harbour Review, 62 (1993), p. 339–61 (p. 358)",
		want{container: "Harbour Review", volume: "62", year: 1993, page: "339–61", locator: "p. 358"}},
	{"Marsh Papers, Harbour Library", want{empty: []string{"author"}}},
	{"Interview, March 10, 1989, Leith", want{typ: "interview", year: 1989, empty: []string{"author"}}},
	// a second year after the publication block is a reprint, no pinpoint
	{"Hale, The Harbour Trade, Oxford University Press, 1942, 1944.",
		want{authors: "Hale", title: "The Harbour Trade", publisher: "Oxford University Press", year: 1942, empty: []string{"locator"}}},
	{"Marsh, The Old Course, Harbour Publications, London, 1943, 1972, chap. III, pp. 18-27",
		want{title: "The Old Course", year: 1943, locator: "chap. III, pp. 18-27"}},
	{"Marsh, Riverside Letters, Lantern Press, Inc, New York, 1969, pp. 261-264",
		want{year: 1969, locator: "pp. 261-264"}},
	// a labelled pinpoint after a bare space
	{"Journals p. 294", want{title: "Journals", locator: "p. 294"}},
	// a letter with the place it was written and its extent
	{"VS to LDT, Brussels, May 27, 1936, 8 pp.", want{typ: "personal_communication", authors: "VS", recipient: "LDT", place: "Brussels", year: 1936, empty: []string{"title"}}},
	// a name in the possessive before an article or a number is the author
	{"R.V. Doe's A Documentary History, Vol. 1, Lantern Press, 1984.", want{authors: "Doe, R.V.", title: "A Documentary History", publisher: "Lantern Press", year: 1984}},
	{"Doe's 12 Essays, p. 4.", want{authors: "Doe", title: "12 Essays", locator: "p. 4"}},
	{"Lenin's Last Struggle, p. 5.", want{title: "Lenin's Last Struggle", locator: "p. 5", empty: []string{"author"}}},
	// whatever short name precedes a quoted title in a note is its author
	{"Al-maktaba al-shāmila, “ʿan al-shāmila,” 10.", want{authors: "Al-maktaba al-shāmila", title: "ʿan al-shāmila", locator: "10"}},
	{"The English translation, “A Refutation,” is published as Appendix B.", want{empty: []string{"author"}}},
	{"Hale Journals p. 364", want{locator: "p. 364"}},
}

func TestParseNote(t *testing.T) {
	for _, tc := range noteTests {
		checkRef(t, tc.in, Parse(tc.in, Note), tc.w)
	}
}

// TestSpans checks that every span is in bounds and covers its value's
// first word when the value was copied verbatim.
func TestSpans(t *testing.T) {
	for _, tc := range entryTests {
		checkSpans(t, tc.in, Parse(tc.in, Entry))
	}
	for _, tc := range noteTests {
		checkSpans(t, tc.in, Parse(tc.in, Note))
	}
}

func checkSpans(t *testing.T, s string, r Ref) {
	t.Helper()
	for field, sp := range r.Spans {
		if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
			t.Errorf("%q: span %s = %v out of bounds", s, field, sp)
			continue
		}
		v := verbatimValue(field, &r)
		if v == "" {
			continue
		}
		first := strings.Trim(strings.Fields(v)[0], ",;:.")
		if !strings.Contains(stripEmphasis(s[sp.Start:sp.End]), stripEmphasis(first)) {
			t.Errorf("%q: span %s %q does not hold %q", s, field, s[sp.Start:sp.End], first)
		}
	}
}

// verbatimValue returns a field's value when it is copied from the text.
func verbatimValue(field string, r *Ref) string {
	it := &r.Item
	switch field {
	case "title":
		return stripEmphasis(it.Title)
	case "container-title":
		return it.ContainerTitle
	case "publisher":
		return it.Publisher
	case "URL":
		return it.URL
	case "locator":
		return r.Locator
	}
	return ""
}
