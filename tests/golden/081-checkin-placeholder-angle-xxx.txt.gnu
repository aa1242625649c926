corpus/081-checkin-placeholder-angle-xxx.txt:1:4: error: '<Hiring Manager>' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/081-checkin-placeholder-angle-xxx.txt:3:78: error: 'XX' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
corpus/081-checkin-placeholder-angle-xxx.txt:3:81: error: 'XX' looks like a leftover from a template; replace it with the real name, company or detail before sending. [FollowUp.Placeholder]
# exit 1
