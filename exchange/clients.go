package exchange

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Clients: one row per client. The external code is how a file finds its
// client again; a client without one is written as "cb:<id>" (see
// store.OwnCodePrefix), so a file re-imported here updates instead of
// duplicating, and one imported into an empty database keeps the code and
// exports the same file again. A row matches by code, else by tax id.
// Only the columns a file has are changed; an empty cell clears its field
// (but an empty code keeps the stored one).

// Canonical column names of the clients kind (the header clientbase writes).
const (
	colExternal      = "External code"
	colShortName     = "Short name"
	colFullName      = "Full name"
	colKind          = "Kind"
	colTaxCountry    = "Tax country"
	colTaxID         = "Tax ID"
	colKPP           = "KPP"
	colOGRN          = "OGRN"
	colLegalAddress  = "Legal address"
	colActualAddress = "Actual address"
	colCity          = "City"
	colRegion        = "Region"
	colBranch        = "Branch"
	colPhones        = "Phones"
	colEmails        = "E-mails"
	colFax           = "Fax"
	colLanguage      = "Language"
	colTimeZone      = "Time zone"
	colCallWindow    = "Call window"
	colSource        = "Source"
	colManager       = "Manager"
	colCategory      = "Category"
	colStatus        = "Status"
	colKeyClient     = "Key client"
	colCreditHold    = "Credit hold"
	colDissatisfied  = "Dissatisfied"
	colLegalDispute  = "Legal dispute"
	colDoNotContact  = "Do not contact"
	colCreditLimit   = "Credit limit"
	colCurrency      = "Currency"
	colDeferralDays  = "Deferral days"
	colContactEvery  = "Contact every days"
	colPriceColumn   = "Price column"
	colCompetitors   = "Competitors"
	colNotes         = "Notes"
	colArchived      = "Archived"
)

// clientColumns are the clients kind's columns in file order, with the
// other names 1C, Excel sheets and people give them.
var clientColumns = []csvio.Column{
	{Name: colExternal, Aliases: []string{"external", "code", "external_code", "Код", "Внешний код", "Код 1С", "Код 1C", "Код контрагента", "ID 1С"}},
	{Name: colShortName, Aliases: []string{"name", "short_name", "client", "Наименование", "Краткое наименование", "Название", "Клиент", "Контрагент"}},
	{Name: colFullName, Aliases: []string{"full_name", "Полное наименование", "Полное название", "Наименование полное"}},
	{Name: colKind, Aliases: []string{"kind", "type", "Вид", "Тип", "Юр./физ. лицо", "Вид контрагента"}},
	{Name: colTaxCountry, Aliases: []string{"tax_country", "country", "Страна", "Страна регистрации"}},
	{Name: colTaxID, Aliases: []string{"tax_id", "inn", "vat", "ИНН", "Налоговый номер", "Код предприятия"}},
	{Name: colKPP, Aliases: []string{"kpp", "КПП"}},
	{Name: colOGRN, Aliases: []string{"ogrn", "ОГРН", "ОГРНИП"}},
	{Name: colLegalAddress, Aliases: []string{"legal_address", "address", "Адрес", "Юридический адрес", "Юр. адрес"}},
	{Name: colActualAddress, Aliases: []string{"actual_address", "Фактический адрес", "Факт. адрес", "Почтовый адрес"}},
	{Name: colCity, Aliases: []string{"city", "Город", "Населённый пункт", "Населенный пункт"}},
	{Name: colRegion, Aliases: []string{"region", "Регион", "Область"}},
	{Name: colBranch, Aliases: []string{"branch", "industry", "Отрасль"}},
	{Name: colPhones, Aliases: []string{"phone", "phones", "telephone", "Телефон", "Телефоны"}},
	{Name: colEmails, Aliases: []string{"email", "e-mail", "emails", "mail", "Электронная почта", "Эл. почта", "Почта", "Email"}},
	{Name: colFax, Aliases: []string{"fax", "Факс"}},
	{Name: colLanguage, Aliases: []string{"language", "Язык"}},
	{Name: colTimeZone, Aliases: []string{"time_zone", "timezone", "Часовой пояс"}},
	{Name: colCallWindow, Aliases: []string{"call_window", "Время звонков", "Часы звонков"}},
	{Name: colSource, Aliases: []string{"source", "Источник"}},
	{Name: colManager, Aliases: []string{"manager", "Менеджер", "Ответственный"}},
	{Name: colCategory, Aliases: []string{"category", "Категория"}},
	{Name: colStatus, Aliases: []string{"status", "Статус"}},
	{Name: colKeyClient, Aliases: []string{"key_client", "Ключевой клиент", "Ключевой"}},
	{Name: colCreditHold, Aliases: []string{"credit_hold", "Стоп отгрузки", "Кредит остановлен"}},
	{Name: colDissatisfied, Aliases: []string{"dissatisfied", "Недоволен"}},
	{Name: colLegalDispute, Aliases: []string{"legal_dispute", "Судебный спор", "Суд"}},
	{Name: colDoNotContact, Aliases: []string{"do_not_contact", "Не звонить", "Не беспокоить"}},
	{Name: colCreditLimit, Aliases: []string{"credit_limit", "Кредитный лимит", "Лимит"}},
	{Name: colCurrency, Aliases: []string{"currency", "Валюта"}},
	{Name: colDeferralDays, Aliases: []string{"deferral_days", "deferral", "Отсрочка", "Отсрочка, дней", "Отсрочка (дней)"}},
	{Name: colContactEvery, Aliases: []string{"contact_every_days", "contact_every", "Периодичность контакта", "Связываться каждые (дней)"}},
	{Name: colPriceColumn, Aliases: []string{"price_column", "price", "Колонка цен", "Тип цен", "Вид цен"}},
	{Name: colCompetitors, Aliases: []string{"competitors", "Конкуренты"}},
	{Name: colNotes, Aliases: []string{"notes", "comment", "Примечание", "Комментарий", "Заметки"}},
	{Name: colArchived, Aliases: []string{"archived", "В архиве", "Архив"}},
}

func init() {
	registerImport(Clients, importer{columns: clientColumns, batch: 50_000, parse: parseClientRow, write: writeClients})
	registerExport(Clients, exporter{columns: columnNames(clientColumns), each: eachClientRow})
}

func columnNames(cols []csvio.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// clientField ties a column to the store's field bit and how its cell is
// read into a client.
type clientField struct {
	col  string
	bit  store.ClientFields
	read func(c *model.Client, v string) error
}

var clientFields = []clientField{
	{colExternal, store.CFExternal, func(c *model.Client, v string) error { c.External = v; return nil }},
	{colShortName, store.CFShortName, func(c *model.Client, v string) error { c.ShortName = v; return nil }},
	{colFullName, store.CFFullName, func(c *model.Client, v string) error { c.FullName = v; return nil }},
	{colKind, store.CFKind, func(c *model.Client, v string) (err error) { c.Kind, err = parseKind(v); return }},
	{colTaxCountry, store.CFTaxCountry, func(c *model.Client, v string) (err error) { c.TaxCountry, err = parseTaxCountry(v); return }},
	{colTaxID, store.CFTaxID, func(c *model.Client, v string) error { c.TaxID = v; return nil }},
	{colKPP, store.CFKPP, func(c *model.Client, v string) error { c.KPP = v; return nil }},
	{colOGRN, store.CFOGRN, func(c *model.Client, v string) error { c.OGRN = v; return nil }},
	{colLegalAddress, store.CFLegalAddress, func(c *model.Client, v string) error { c.LegalAddress = v; return nil }},
	{colActualAddress, store.CFActualAddress, func(c *model.Client, v string) error { c.ActualAddress = v; return nil }},
	{colCity, store.CFCity, func(c *model.Client, v string) error { c.City = v; return nil }},
	{colRegion, store.CFRegion, func(c *model.Client, v string) error { c.Region = v; return nil }},
	{colBranch, store.CFBranch, func(c *model.Client, v string) error { c.Branch = v; return nil }},
	{colPhones, store.CFPhones, nil}, // after the tax country and language: see parseClientRow
	{colEmails, store.CFEmails, func(c *model.Client, v string) error { c.Emails = splitList(v); return nil }},
	{colFax, store.CFFax, func(c *model.Client, v string) error { c.Fax = v; return nil }},
	{colLanguage, store.CFLanguage, func(c *model.Client, v string) error { c.Language = strings.ToLower(v); return nil }},
	{colTimeZone, store.CFTimeZone, func(c *model.Client, v string) error { c.TimeZone = v; return nil }},
	{colCallWindow, store.CFCallWindow, func(c *model.Client, v string) (err error) { c.CallWindow, err = model.ParseCallWindow(v); return }},
	{colSource, store.CFSource, func(c *model.Client, v string) error { c.Source = model.Source(strings.ToLower(v)); return nil }},
	{colManager, store.CFManager, func(c *model.Client, v string) error { c.Manager = v; return nil }},
	{colCategory, store.CFCategory, func(c *model.Client, v string) (err error) { c.Category, err = parseCategory(v); return }},
	{colStatus, store.CFStatus, func(c *model.Client, v string) (err error) { c.Status, err = parseStatus(v); return }},
	{colKeyClient, store.CFKeyClient, func(c *model.Client, v string) (err error) { c.Flags.KeyClient, err = parseYes(v); return }},
	{colCreditHold, store.CFCreditHold, func(c *model.Client, v string) (err error) { c.Flags.CreditHold, err = parseYes(v); return }},
	{colDissatisfied, store.CFDissatisfied, func(c *model.Client, v string) (err error) { c.Flags.Dissatisfied, err = parseYes(v); return }},
	{colLegalDispute, store.CFLegalDispute, func(c *model.Client, v string) (err error) { c.Flags.LegalDispute, err = parseYes(v); return }},
	{colDoNotContact, store.CFDoNotContact, func(c *model.Client, v string) (err error) { c.Flags.DoNotContact, err = parseYes(v); return }},
	{colCurrency, store.CFCreditLimit, func(c *model.Client, v string) error { c.CreditLimit.Currency = strings.ToUpper(v); return nil }},
	{colCreditLimit, store.CFCreditLimit, nil}, // after the currency: see parseClientRow
	{colDeferralDays, store.CFDeferralDays, func(c *model.Client, v string) (err error) { c.DeferralDays, err = parseDays(v); return }},
	{colContactEvery, store.CFContactEvery, func(c *model.Client, v string) (err error) { c.ContactEvery, err = parseDays(v); return }},
	{colPriceColumn, store.CFPriceColumn, func(c *model.Client, v string) error { c.PriceColumn = v; return nil }},
	{colCompetitors, store.CFCompetitors, func(c *model.Client, v string) error { c.Competitors = v; return nil }},
	{colNotes, store.CFNotes, func(c *model.Client, v string) error { c.Notes = v; return nil }},
	{colArchived, store.CFArchived, func(c *model.Client, v string) (err error) { c.Archived, err = parseYes(v); return }},
}

// clientFieldIndex: column name → its index in clientFields.
var clientFieldIndex = func() map[string]int {
	m := make(map[string]int, len(clientFields))
	for i, f := range clientFields {
		m[f.col] = i
	}
	return m
}()

// parseClientRow reads one client row: every value the file gives, checked
// on its own (tax id, phones, money, lists) so the reason names the column
// and the value; the store checks the whole card after merging.
func parseClientRow(row csvio.Row, _ ImportOptions) (any, string, error) {
	imp := &store.ClientImport{}
	c := &imp.Client
	// The row's columns, not every column: a file has a dozen of the 36.
	// The first bad cell in column order is the reason (the map's order is random).
	bad, badAt := error(nil), len(clientFields)
	for col, v := range row.Values {
		j, ok := clientFieldIndex[col]
		if !ok {
			continue
		}
		f := &clientFields[j]
		imp.Carries |= f.bit
		if f.read == nil {
			continue
		}
		if err := f.read(c, v); err != nil && j < badAt {
			bad, badAt = cellError(f.col, v, err), j
		}
	}
	if bad != nil {
		return nil, "", bad
	}
	key := c.External
	if key == "" {
		key = c.TaxID
	}
	if imp.Carries&store.CFShortName != 0 && c.ShortName == "" || imp.Carries&store.CFShortName == 0 && key == "" {
		return nil, key, model.Sentencef(nil, "exch.clients.no_name")
	}
	if c.TaxID != "" && imp.Carries&store.CFTaxCountry == 0 && taxDigits(c.TaxID) {
		c.TaxCountry, imp.Carries = model.TaxRU, imp.Carries|store.CFTaxCountry // a file without the column: digits are an INN
	}
	if v, ok := row.Values[colPhones]; ok {
		c.Phones = rawPhones(v) // checked with the card (store.ImportClients), in the client's country
	}
	if v := row.Values[colCreditLimit]; v != "" {
		m, err := model.ParseMoney(v, c.CreditLimit.Currency)
		if err != nil {
			return nil, key, cellError(colCreditLimit, v, err)
		}
		if m.Minor < 0 {
			return nil, key, cellError(colCreditLimit, v, model.Sentencef(nil, "model.credit.negative"))
		}
		c.CreditLimit.Minor = m.Minor
	}
	return imp, key, nil
}

func writeClients(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error) {
	batch := make([]*store.ClientImport, len(items))
	for i, it := range items {
		batch[i] = it.(*store.ClientImport)
	}
	res, err := s.ImportClients(batch, dryRun)
	if err != nil {
		return nil, err
	}
	var row []string
	for i := range res {
		var ve *model.ValidationError
		if errors.As(res[i].Err, &ve) {
			if row == nil {
				row = make([]string, len(clientColumns))
			}
			clientRow(row, &batch[i].Client)
			res[i].Err = fieldsReason(ve, func(field string) (string, string) {
				if j, ok := clientFieldColumn[field]; ok {
					return clientColumns[j].Name, row[j]
				}
				return "", ""
			})
		}
	}
	return res, nil
}

// clientFieldColumn: the model's field keys (model.PrepareClient) → the
// index of the column a reason names.
var clientFieldColumn = func() map[string]int {
	byName := map[string]int{}
	for i, c := range clientColumns {
		byName[c.Name] = i
	}
	m := map[string]int{}
	for field, col := range map[string]string{
		"external": colExternal, "short_name": colShortName, "full_name": colFullName, "kind": colKind,
		"tax_id": colTaxID, "kpp": colKPP, "ogrn": colOGRN, "phones": colPhones, "emails": colEmails,
		"fax": colFax, "language": colLanguage, "time_zone": colTimeZone, "call_window": colCallWindow,
		"source": colSource, "category": colCategory, "status": colStatus, "credit_limit": colCreditLimit,
		"deferral_days": colDeferralDays, "contact_every": colContactEvery,
	} {
		m[field] = byName[col]
	}
	return m
}()

// fieldsReason is a row's reason from the model's field problems: each
// names its column and the value the row gave, in field order.
func fieldsReason(ve *model.ValidationError, column func(field string) (col, value string)) error {
	fields := make([]string, 0, len(ve.Fields))
	for f := range ve.Fields {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	parts := make([]string, 0, len(fields))
	for _, f := range fields {
		msg := ve.Fields[f]
		if col, v := column(f); col != "" {
			parts = append(parts, cellError(col, v, errors.New(msg)).Error())
		} else {
			parts = append(parts, msg)
		}
	}
	return &model.Sentence{Text: strings.Join(parts, " ")}
}

// eachClientRow writes every client, in id order.
func eachClientRow(ctx context.Context, s *store.Session, _ ExportOptions, emit func([]string) error) error {
	row := make([]string, len(clientColumns))
	return s.EachClient(ctx, func(c model.Client) error {
		clientRow(row, &c)
		return emit(row)
	})
}

// clientRow fills row (in clientColumns' order) from c.
func clientRow(row []string, c *model.Client) {
	row[0] = store.ExternalOrOwn(c)
	row[1] = c.ShortName
	row[2] = c.FullName
	row[3] = string(c.Kind)
	row[4] = string(c.TaxCountry)
	row[5] = c.TaxID
	row[6] = c.KPP
	row[7] = c.OGRN
	row[8] = c.LegalAddress
	row[9] = c.ActualAddress
	row[10] = c.City
	row[11] = c.Region
	row[12] = c.Branch
	row[13] = phonesCell(c.Phones)
	row[14] = strings.Join(c.Emails, "; ")
	row[15] = c.Fax
	row[16] = c.Language
	row[17] = c.TimeZone
	row[18] = model.FormatCallWindow(c.CallWindow)
	row[19] = string(c.Source)
	row[20] = c.Manager
	row[21] = string(c.Category)
	row[22] = string(c.Status)
	row[23] = yesNo(c.Flags.KeyClient)
	row[24] = yesNo(c.Flags.CreditHold)
	row[25] = yesNo(c.Flags.Dissatisfied)
	row[26] = yesNo(c.Flags.LegalDispute)
	row[27] = yesNo(c.Flags.DoNotContact)
	row[28] = moneyCell(c.CreditLimit.Minor)
	row[29] = c.CreditLimit.Currency
	row[30] = intCell(c.DeferralDays)
	row[31] = intCell(c.ContactEvery)
	row[32] = c.PriceColumn
	row[33] = c.Competitors
	row[34] = c.Notes
	row[35] = yesNo(c.Archived)
}

// cellError is a row's reason: the column, the value and what is wrong.
func cellError(col, value string, err error) error {
	return model.Sentencef(nil, "exch.clients.cell", col, value, strings.TrimSuffix(err.Error(), "."))
}

func taxDigits(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ':
		default:
			return false
		}
	}
	return n > 0
}

// splitList cuts a cell of several values ("a; b", "a, b", one a line).
func splitList(v string) []string {
	fields := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' || r == '\n' || r == '\r' })
	out := fields[:0]
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// parsePhones reads "; "-separated phones (also "," or one a line), each
// normalised as a card's phone is; the text stays as the file has it.
func parsePhones(v, country string) ([]model.Phone, error) {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' || r == '\n' || r == '\r' })
	var out []model.Phone
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		ph, err := model.ParsePhone(p, country)
		if err != nil {
			return nil, err
		}
		out = append(out, ph)
	}
	return out, nil
}

func phonesCell(ps []model.Phone) string {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return phoneText(ps[0])
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(phoneText(p))
	}
	return b.String()
}

func phoneText(p model.Phone) string {
	if p.Raw != "" {
		return p.Raw
	}
	return p.E164
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// parseYes reads a yes/no cell: yes, да, 1, true, x, + and their opposites;
// an empty cell is no.
func parseYes(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "да", "д", "1", "true", "x", "х", "+", "taip":
		return true, nil
	case "", "no", "n", "нет", "н", "0", "false", "-", "ne":
		return false, nil
	}
	return false, model.Sentencef(nil, "exch.clients.yes_no")
}

func intCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func parseDays(v string) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, model.Sentencef(nil, "exch.clients.days")
	}
	return n, nil
}

// moneyCell writes minor units as "1234.56" (no grouping: every
// spreadsheet reads it), "" for none.
func moneyCell(minor int64) string {
	if minor == 0 {
		return ""
	}
	neg := minor < 0
	mag := uint64(minor)
	if neg {
		mag = -mag
	}
	s := strconv.FormatUint(mag/100, 10) + "." + string([]byte{byte('0' + mag%100/10), byte('0' + mag%10)})
	if neg {
		s = "-" + s
	}
	return s
}

var kindWords = map[string]model.ClientKind{
	"legal": model.KindLegal, "legal entity": model.KindLegal, "company": model.KindLegal,
	"юл": model.KindLegal, "юр. лицо": model.KindLegal, "юр.лицо": model.KindLegal, "юридическое лицо": model.KindLegal,
	"sole_trader": model.KindSoleTrader, "sole trader": model.KindSoleTrader, "ип": model.KindSoleTrader,
	"индивидуальный предприниматель": model.KindSoleTrader,
	"private": model.KindPrivate, "private person": model.KindPrivate, "фл": model.KindPrivate,
	"физ. лицо": model.KindPrivate, "физ.лицо": model.KindPrivate, "физическое лицо": model.KindPrivate, "частное лицо": model.KindPrivate,
	"chain": model.KindChain, "retail chain": model.KindChain, "сеть": model.KindChain, "торговая сеть": model.KindChain,
}

func parseKind(v string) (model.ClientKind, error) {
	if v == "" {
		return "", nil
	}
	if k, ok := kindWords[strings.ToLower(strings.TrimSpace(v))]; ok {
		return k, nil
	}
	return "", model.Sentencef(nil, "exch.clients.kind")
}

func parseTaxCountry(v string) (model.TaxCountry, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "":
		return model.TaxOther, nil
	case "ru", "rus", "russia", "россия", "рф":
		return model.TaxRU, nil
	case "lt", "ltu", "lithuania", "литва", "lietuva":
		return model.TaxLT, nil
	}
	return "", model.Sentencef(nil, "exch.clients.tax_country")
}

func parseCategory(v string) (model.Category, error) {
	switch strings.ToUpper(strings.TrimSpace(v)) {
	case "":
		return model.CategoryNone, nil
	case "A", "А": // Latin or Cyrillic
		return model.CategoryA, nil
	case "B", "В":
		return model.CategoryB, nil
	case "C", "С":
		return model.CategoryC, nil
	}
	return "", model.Sentencef(nil, "exch.clients.category")
}

func parseStatus(v string) (model.ClientStatus, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	for _, st := range model.ClientStatuses {
		if v == string(st) || v == strings.ToLower(model.ValueLabel("status", string(st))) {
			return st, nil
		}
	}
	return "", model.Sentencef(nil, "exch.clients.status")
}
