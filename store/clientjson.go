package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"clientbase/model"
)

// appendClientJSON appends c as JSON: the record form for what the binary
// form cannot carry exactly (see appendClientRecord).
func appendClientJSON(dst []byte, c *model.Client) ([]byte, error) {
	b, err := json.Marshal(c)
	return append(dst, b...), err
}

// clientShape is the field list the binary record form carries;
// clientShapeKnown says model's types still have exactly these fields and
// tags. A new field makes records fall back to JSON until the codec learns it.
const clientShape = `Client{ID:id ShortName:short_name FullName:full_name,omitempty Kind:kind TaxCountry:tax_country,omitempty TaxID:tax_id,omitempty KPP:kpp,omitempty OGRN:ogrn,omitempty LegalAddress:legal_address,omitempty ActualAddress:actual_address,omitempty City:city,omitempty Region:region,omitempty Branch:branch,omitempty Phones:phones,omitempty:Phone{E164:e164 Raw:raw,omitempty Label:label,omitempty WrongNumber:wrong_number,omitempty} Emails:emails,omitempty Fax:fax,omitempty Language:language,omitempty TimeZone:time_zone,omitempty CallWindow:call_window:CallWindow{From:from To:to} Source:source,omitempty Manager:manager,omitempty Category:category,omitempty CategoryLog:category_log,omitempty:CategoryChange{At:at:Time By:by From:from To:to Reason:reason} Status:status Flags:flags:ClientFlags{KeyClient:key_client,omitempty CreditHold:credit_hold,omitempty Dissatisfied:dissatisfied,omitempty LegalDispute:legal_dispute,omitempty DoNotContact:do_not_contact,omitempty} CreditLimit:credit_limit:Money{Minor:minor Currency:currency,omitempty} DeferralDays:deferral_days,omitempty ContactEvery:contact_every_days,omitempty PriceColumn:price_column,omitempty Competitors:competitors,omitempty Notes:notes,omitempty Contacts:contacts,omitempty:Contact{ID:id Name:name Position:position,omitempty Role:role,omitempty Phones:phones,omitempty:Phone{E164:e164 Raw:raw,omitempty Label:label,omitempty WrongNumber:wrong_number,omitempty} Email:email,omitempty PreferredChan:preferred_channel,omitempty PreferredHours:preferred_hours,omitempty Consent:consent,omitempty DoNotContact:do_not_contact,omitempty Left:left,omitempty} Archived:archived,omitempty External:external,omitempty Meta::Meta{Version:version CreatedAt:created_at:Time CreatedBy:created_by UpdatedAt:updated_at:Time UpdatedBy:updated_by}}`

var clientShapeKnown = shapeOf(reflect.TypeFor[model.Client]()) == clientShape

// shapeOf describes a struct's fields, tags and nested structs.
func shapeOf(t reflect.Type) string {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return ""
	}
	if t == reflect.TypeFor[time.Time]() {
		return "Time"
	}
	var parts []string
	for i := range t.NumField() {
		f := t.Field(i)
		p := f.Name + ":" + f.Tag.Get("json")
		if sub := shapeOf(f.Type); sub != "" {
			p += ":" + sub
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("%s{%s}", t.Name(), strings.Join(parts, " "))
}

func reflectClientType() reflect.Type { return reflect.TypeFor[model.Client]() }
