package store

import (
	"context"
	"errors"
	"time"

	"clientbase/model"
)

// STUBS — the store helper replaces this file (complaint records, moves,
// next complaint, closing with the follow-up, settings, the queue).

var errComplaintsTODO = errors.New("store: complaints not built yet")

func (s *Session) Complaints(ctx context.Context, f model.ComplaintFilter, offset, limit int) (model.ComplaintPage, error) {
	return model.ComplaintPage{}, errComplaintsTODO
}
func (s *Session) Complaint(id model.ID) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) ComplaintHistory(id model.ID) ([]model.AuditEntry, error) {
	return nil, errComplaintsTODO
}
func (s *Session) OpenComplaintsAbout(client, order model.ID) ([]model.ComplaintRow, error) {
	return nil, errComplaintsTODO
}
func (s *Session) RegisterComplaint(c model.Complaint) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) SaveComplaint(c model.Complaint) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) NextComplaint() (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) AssignComplaint(id model.ID, version uint64, owner string) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) MoveComplaint(id model.ID, version uint64, to model.ComplaintStatus, note string) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) ForwardComplaint(id model.ID, version uint64, d model.Department, note string) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) EscalateComplaint(id model.ID, version uint64, to, reason string) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) AnswerEscalation(id model.ID, version uint64, answer string) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) CloseComplaint(id model.ID, version uint64, cl model.Closing) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) SetJustified(id model.ID, version uint64, justified bool) (model.Complaint, error) {
	return model.Complaint{}, errComplaintsTODO
}
func (s *Session) ComplaintSettings() (model.ComplaintSettings, error) {
	return model.DefaultComplaintSettings(), nil
}
func (s *Session) SaveComplaintSettings(cs model.ComplaintSettings) (model.ComplaintSettings, error) {
	return cs, errComplaintsTODO
}

var _ = time.Time{}
