package exchange

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Products: one row per product with its prices in the price list's
// columns (retail, wholesale, dealer: the default list's; another list's
// columns are read through the mapping flag into these). A row matches by
// external code, else by SKU. Prices that differ from the list's at the
// row's date (else today) become one price version of the import.

const (
	pcSKU       = "SKU"
	pcName      = "Name"
	pcUnit      = "Unit"
	pcVAT       = "VAT %"
	pcActive    = "Active"
	pcExternal  = "External code"
	pcRetail    = "Price retail"
	pcWholesale = "Price wholesale"
	pcDealer    = "Price dealer"
	pcPrice     = "Price"
	pcEffective = "Effective"
)

// productPriceColumns: the file's price column → the price list's column.
var productPriceColumns = []struct{ col, list string }{
	{pcRetail, "retail"}, {pcWholesale, "wholesale"}, {pcDealer, "dealer"},
}

var productColumns = []csvio.Column{
	{Name: pcSKU, Required: true, Aliases: []string{"sku", "article", "Артикул", "Код товара"}},
	{Name: pcName, Aliases: []string{"name", "product", "Наименование", "Номенклатура", "Товар"}},
	{Name: pcUnit, Aliases: []string{"unit", "Единица", "Ед.", "Ед. изм.", "Единица измерения"}},
	{Name: pcVAT, Aliases: []string{"vat", "VAT", "НДС", "НДС %", "Ставка НДС"}},
	{Name: pcActive, Aliases: []string{"active", "Активен", "Активный", "В продаже"}},
	{Name: pcExternal, Aliases: []string{"external", "external_code", "Внешний код", "Код 1С", "Код 1C", "Код"}},
	{Name: pcRetail, Aliases: []string{"retail", "price_retail", "Розничная", "Розница", "Цена розничная", "Розничная цена"}},
	{Name: pcWholesale, Aliases: []string{"wholesale", "price_wholesale", "Оптовая", "Опт", "Цена оптовая", "Оптовая цена"}},
	{Name: pcDealer, Aliases: []string{"dealer", "price_dealer", "Дилерская", "Цена дилерская", "Дилерская цена"}},
	{Name: pcPrice, Aliases: []string{"price", "Цена"}},
	{Name: pcEffective, Aliases: []string{"effective", "Действует с", "Дата цен", "Дата начала действия"}},
}

// productExportColumns: what the export writes (no generic price, no date:
// the prices are those in force on the day of the export).
var productExportColumns = []string{pcSKU, pcName, pcUnit, pcVAT, pcActive, pcExternal, pcRetail, pcWholesale, pcDealer}

func init() {
	registerImport(Products, importer{columns: productColumns, batch: 5000, parse: parseProductRow, write: writeProducts})
	registerExport(Products, exporter{columns: productExportColumns, each: eachProductRow})
}

// parseProductRow reads one product row; each value is checked on its own
// so the reason names the column and the value.
func parseProductRow(row csvio.Row, _ ImportOptions) (any, string, error) {
	var imp store.ProductImport
	p := &imp.Product
	p.SKU = row.Get(pcSKU)
	key := p.SKU
	if p.SKU == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.no_sku")
	}
	if v, ok := row.Values[pcName]; ok {
		p.Name, imp.Carries = v, imp.Carries|store.PFName
	}
	if v, ok := row.Values[pcUnit]; ok {
		u, err := parseUnit(v)
		if err != nil {
			return nil, key, ordCell(pcUnit, v, err)
		}
		p.Unit, imp.Carries = u, imp.Carries|store.PFUnit
	}
	if v, ok := row.Values[pcVAT]; ok && v != "" {
		r, err := model.ParseRate(v)
		if err != nil {
			return nil, key, ordCell(pcVAT, v, err)
		}
		p.VAT, imp.Carries = r, imp.Carries|store.PFVAT
	}
	if v, ok := row.Values[pcActive]; ok && v != "" {
		b, err := parseYesNo(v)
		if err != nil {
			return nil, key, ordCell(pcActive, v, err)
		}
		p.Active, imp.Carries = b, imp.Carries|store.PFActive
	}
	if v, ok := row.Values[pcExternal]; ok {
		p.External, imp.Carries = v, imp.Carries|store.PFExternal
	}
	if p.External != "" {
		key = p.External
	}
	price := func(col, list string) error {
		v := row.Get(col)
		if v == "" {
			return nil
		}
		m, err := model.ParseMoney(v, "")
		if err != nil {
			return ordCell(col, v, err)
		}
		if m.Minor <= 0 {
			return ordCell(col, v, model.Sentencef(nil, "order.price.zero"))
		}
		if imp.Prices == nil {
			imp.Prices = map[string]int64{}
		}
		imp.Prices[list] = m.Minor
		return nil
	}
	for _, pc := range productPriceColumns {
		if err := price(pc.col, pc.list); err != nil {
			return nil, key, err
		}
	}
	if _, ok := imp.Prices["retail"]; !ok {
		// "Price" alone is the list's first (default) column
		if err := price(pcPrice, "retail"); err != nil {
			return nil, key, err
		}
	}
	if v := row.Get(pcEffective); v != "" {
		d, err := csvio.ParseDate(v, time.Local)
		if err != nil {
			return nil, key, ordCell(pcEffective, v, err)
		}
		imp.Effective = d
	}
	return imp, key, nil
}

func writeProducts(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error) {
	batch := make([]store.ProductImport, len(items))
	for i, it := range items {
		batch[i] = it.(store.ProductImport)
	}
	res, err := s.ImportProducts(batch, dryRun)
	if err != nil {
		return nil, err
	}
	for i := range res {
		var ve *model.ValidationError
		if errors.As(res[i].Err, &ve) {
			p := &batch[i].Product
			res[i].Err = fieldsReason(ve, func(field string) (string, string) {
				switch field {
				case "sku":
					return pcSKU, p.SKU
				case "name":
					return pcName, p.Name
				case "unit":
					return pcUnit, string(p.Unit)
				case "vat":
					return pcVAT, rateCell(p.VAT)
				case "external":
					return pcExternal, p.External
				}
				return "", ""
			})
		}
	}
	return res, nil
}

// eachProductRow writes every product in id order with today's prices.
func eachProductRow(ctx context.Context, s *store.Session, _ ExportOptions, emit func([]string) error) error {
	row := make([]string, len(productExportColumns))
	return s.EachProduct(ctx, time.Time{}, func(r store.ProductRow) error {
		p := &r.Product
		row[0], row[1], row[2], row[3] = p.SKU, p.Name, string(p.Unit), rateCell(p.VAT)
		row[4], row[5] = yesNo(p.Active), p.External
		for i, pc := range productPriceColumns {
			row[6+i] = ""
			if m, ok := r.Prices[pc.list]; ok {
				row[6+i] = amountCell(m)
			}
		}
		return emit(row)
	})
}

// ordCell is a row's reason: the column, the value and what is wrong.
func ordCell(col, value string, err error) error {
	return model.Sentencef(nil, "exch.orders.cell", col, value, strings.TrimSuffix(err.Error(), "."))
}

// amountCell writes minor units as "1234.56" (no grouping, a dot: every
// spreadsheet and model.ParseMoney read it).
func amountCell(minor int64) string {
	mag := uint64(minor)
	if minor < 0 {
		mag = -mag
	}
	s := strconv.FormatUint(mag/100, 10) + "." + string([]byte{byte('0' + mag%100/10), byte('0' + mag%10)})
	if minor < 0 {
		s = "-" + s
	}
	return s
}

// rateCell writes a percentage as a plain number ("20", "5.5").
func rateCell(r model.Rate) string { return strings.TrimSuffix(model.FormatRate(r), " %") }

// parseUnit reads a unit: pcs, m, kg or their Russian and English words.
func parseUnit(v string) (model.Unit, error) {
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(v), ".")) {
	case "pcs", "pc", "piece", "pieces", "шт", "штука", "штук":
		return model.UnitPiece, nil
	case "m", "metre", "meter", "metres", "meters", "м", "метр", "пог. м", "п.м":
		return model.UnitMetre, nil
	case "kg", "kilogram", "kilograms", "кг", "килограмм":
		return model.UnitKilogram, nil
	}
	return "", model.Sentencef(nil, "exch.orders.unit_word")
}

// parseYesNo reads yes/no (да/нет, 1/0, true/false); empty is no.
func parseYesNo(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "да", "д", "1", "true", "x", "х", "+":
		return true, nil
	case "", "no", "n", "нет", "н", "0", "false", "-":
		return false, nil
	}
	return false, model.Sentencef(nil, "exch.orders.yes_no")
}
