corpus/054-nudge-scolding-lastemail-sales.txt:3:1: error: 'Per my last email' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
corpus/054-nudge-scolding-lastemail-sales.txt:3:83: error: 'I still haven't heard' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
# exit 1
