corpus/058-checkin-scolding-incase-pm.txt:3:1: error: 'In case you missed' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
# exit 1
