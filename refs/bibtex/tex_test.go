package bibtex

import "testing"

// Guard 4: TeX escapes become Unicode.
func TestTeXToUnicode(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{\'e}t{\'e}`, "été"},
		{`\'{e}`, "é"},
		{`\'e`, "é"},
		{`Schr\"oder`, "Schröder"},
		{`Stra{\ss}e`, "Straße"},
		{`Fran\c{c}ois`, "François"},
		{`Fran\c cois`, "François"},
		{`\v{S}koda`, "Škoda"},
		{`Rowman \& Littlefield`, "Rowman & Littlefield"},
		{`50\% off`, "50% off"},
		{`snake\_case`, "snake_case"},
		{`1914--1918`, "1914–1918"},
		{`wait---what`, "wait—what"},
		{`J.~R.~R. Tolkien`, "J. R. R. Tolkien"},
		{`1914\textendash 1918`, "1914–1918"},
		{`Bj{\o}rn`, "Bjørn"},
		{`\L{}\'od\'z`, "Łódź"},
		{`{\l}`, "ł"},
		{`{\aa}ngstr{\"o}m`, "ångström"},
		{`\AA{}`, "Å"},
		{`\ae{}sthetic`, "æsthetic"},
		{`Man\oe uvre`, "Manœuvre"},
		{`{\OE}uvres`, "Œuvres"},
		{`$x^2$ and $\alpha$`, "x2 and α"},
		{`The {USSR} and {NATO}`, "The USSR and NATO"},
		{`\emph{Memoirs} of a {\it Revolutionary}`, "Memoirs of a Revolutionary"},
		{`\textbf{bold} \textsc{Caps}`, "bold Caps"},
		{`na\"{\i}ve`, "naïve"},
		{`\'{\i}`, "í"},
		{`\~n and \~{}`, "ñ and ~"},
		{`\^o \=a \.z \u{a} \H{o} \k{e} \r{u}`, "ô ā ż ă ő ę ů"},
		{"``quoted'' text", "“quoted” text"},
		{`{\noopsort{b}}Alpha`, "Alpha"},
		{`\href{http://x.org}{link text}`, "link text"},
		{"many   spaces\nand lines", "many spaces and lines"},
		{`\unknown{kept}`, "kept"},
		{`trailing \`, "trailing"},
		{`{unbalanced`, "unbalanced"},
		{`un}balanced`, "unbalanced"},
		{`d'Alembert`, "d'Alembert"},
		{"1-2", "1-2"},
	}
	for _, tt := range tests {
		if got := TeXToUnicode(tt.in); got != tt.want {
			t.Errorf("TeXToUnicode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVerbatimText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`http://x.org/a--b\_c`, "http://x.org/a--b_c"},
		{`\url{http://x.org/~me}`, "http://x.org/~me"},
		{`http://x.org/\~{}me?a=1\&b=2\%20`, "http://x.org/~me?a=1&b=2%20"},
		{`{10.1000/ABC}`, "10.1000/ABC"},
	}
	for _, tt := range tests {
		if got := verbatimText(tt.in); got != tt.want {
			t.Errorf("verbatimText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
