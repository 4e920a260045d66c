package demo

import (
	"time"

	"clientbase/model"
)

// staff is the demo department: one director, two heads, six managers and
// eight operators, Russian, Lithuanian and English as in a Vilnius/Moscow office.
var staff = []struct {
	login, name string
	role        model.Role
}{
	{"orlov", "Орлов Сергей Викторович", model.RoleDirector},
	{"volkova", "Волкова Ирина Николаевна", model.RoleHead},
	{"kazlauskas", "Vytautas Kazlauskas", model.RoleHead},
	{"petrova", "Петрова Анна Сергеевна", model.RoleManager},
	{"smirnov", "Смирнов Дмитрий Олегович", model.RoleManager},
	{"baranov", "Баранов Алексей Игоревич", model.RoleManager},
	{"jankauskiene", "Rasa Jankauskienė", model.RoleManager},
	{"zukauskas", "Tomas Žukauskas", model.RoleManager},
	{"miller", "James Miller", model.RoleManager},
	{"sidorova", "Сидорова Елена Павловна", model.RoleOperator},
	{"kuznetsova", "Кузнецова Ольга Андреевна", model.RoleOperator},
	{"vasiliev", "Васильев Михаил Юрьевич", model.RoleOperator},
	{"morozova", "Морозова Татьяна Викторовна", model.RoleOperator},
	{"pavlova", "Павлова Наталья Сергеевна", model.RoleOperator},
	{"butkute", "Eglė Butkutė", model.RoleOperator},
	{"stankevicius", "Mantas Stankevičius", model.RoleOperator},
	{"brown", "Emily Brown", model.RoleOperator},
}

// staffSince is when the demo department's users were created.
var staffSince = time.Date(2015, 12, 14, 9, 0, 0, 0, time.UTC)

// Users returns the demo department's staff: a director, heads, managers, operators.
func Users() []model.User {
	out := make([]model.User, len(staff))
	for i, s := range staff {
		at := staffSince.Add(time.Duration(i) * 24 * time.Hour)
		out[i] = model.User{
			ID: model.ID(i + 1), Name: s.login, FullName: s.name, Role: s.role,
			Meta: model.Meta{Version: 1, CreatedAt: at, CreatedBy: "orlov", UpdatedAt: at, UpdatedBy: "orlov"},
		}
	}
	return out
}

// logins by role, for assigning clients and writing who created them.
func loginsOf(role model.Role, only func(login string) bool) []string {
	var out []string
	for _, s := range staff {
		if s.role == role && (only == nil || only(s.login)) {
			out = append(out, s.login)
		}
	}
	return out
}
