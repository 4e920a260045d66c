package exchange

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// An Android phone's export: vCard 2.1, the name in QUOTED-PRINTABLE UTF-8
// with a soft line break, a bare TEL type, the company in ORG.
const androidCard = "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
	"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=A1=D0=BC=D0=B8=D1=80=D0=BD=D0=BE=D0=B2=D0=B0;=D0=90=D0=BD=D0=BD=D0=B0;;;\r\n" +
	"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=90=D0=BD=D0=BD=D0=B0 =D0=A1=D0=BC=D0=B8=\r\n" +
	"=D1=80=D0=BD=D0=BE=D0=B2=D0=B0\r\n" +
	"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=9F =D0=81=D0=BB=D0=BA=D0=B8=D0=BD\r\n" +
	"TEL;CELL:+7 912 555-44-33\r\n" +
	"END:VCARD\r\n"

func TestVCardImportAndroid21(t *testing.T) {
	s := vcardDept(t, false)
	rep := vcardImport(t, s, []byte(androidCard), ImportOptions{Preview: 5})
	if rep.Created != 1 {
		t.Fatalf("%+v", rep)
	}
	c, _ := s.Client(2) // ИП Ёлкин
	if len(c.Contacts) != 1 || c.Contacts[0].Name != "Анна Смирнова" || len(c.Contacts[0].Phones) != 1 ||
		c.Contacts[0].Phones[0].E164 != "+79125554433" || c.Contacts[0].Phones[0].Label != "mobile" {
		t.Errorf("the Android card became %+v", c.Contacts)
	}
	// the same card again finds her
	if rep := vcardImport(t, s, []byte(androidCard), ImportOptions{}); rep.Unchanged != 1 {
		t.Errorf("second import: %+v", rep)
	}
}

func TestVCardImportWindows1251(t *testing.T) {
	s := vcardDept(t, false)
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ольга Иванова\r\nORG:ООО «Ромашка»\r\nTITLE:Бухгалтер\r\nEND:VCARD\r\n"
	data, err := charmap.Windows1251.NewEncoder().Bytes([]byte(card))
	if err != nil {
		t.Fatal(err)
	}
	rep := vcardImport(t, s, data, ImportOptions{})
	if rep.Created != 1 || rep.Encoding != "windows-1251" {
		t.Fatalf("%+v", rep)
	}
	c, _ := s.Client(1)
	if len(c.Contacts) != 1 || c.Contacts[0].Name != "Ольга Иванова" || c.Contacts[0].Position != "Бухгалтер" {
		t.Errorf("%+v", c.Contacts)
	}
}
